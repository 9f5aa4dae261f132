-- The redacted copy of an analysis submitted with `redact` (README, Redaction): the analysis
-- and the text without what identifies the candidate, and the masks' places. In the
-- analysis' row, so that whatever deletes the analysis (erasure, retention) deletes it too.
ALTER TABLE resume_analyses ADD COLUMN redaction jsonb;
