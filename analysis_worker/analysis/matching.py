"""Matching a resume against a job description and required skills."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from common.proto.resume.v1 import resume_pb2

from .skills import canonical_skill, skills_in_text

_WORD = re.compile(r"[a-z][a-z0-9+#]*(?:\.[a-z0-9]+)*")
_STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being below between both
but by can could did do does doing down during each etc few for from further had has have having he her here hers
him his how i if in into is it its itself just me more most my no nor not now of off on once only or other our ours
out over own per same she should so some such than that the their them then there these they this those through to
too under until up us very via was we were what when where which while who whom why will with within without would
you your yours role position job candidate candidates team work working experience years year ability strong
including include includes new well using use used must plus preferred required requirements responsibilities
""".split())
# Cosine similarity of vocabularies at which a resume reads like the job description.
_FULL_SIMILARITY = 0.5


def _vector(text: str) -> Counter[str]:
    return Counter(word for word in _WORD.findall(text.lower()) if len(word) > 1 and word not in _STOPWORDS)


def keyword_similarity(first: str, second: str) -> float:
    """Cosine similarity of the two texts' word counts, damped so that one repeated
    word does not dominate."""
    a = {word: 1 + math.log(count) for word, count in _vector(first).items()}
    b = {word: 1 + math.log(count) for word, count in _vector(second).items()}
    dot = sum(weight * b[word] for word, weight in a.items() if word in b)
    norm = math.sqrt(sum(w * w for w in a.values())) * math.sqrt(sum(w * w for w in b.values()))
    return dot / norm if norm else 0.0


def match_job(resume_skills: Sequence[resume_pb2.Skill], resume_text: str, job_description: str,
              required_skills: Sequence[str]) -> resume_pb2.JobMatch:
    # Skills named in the job description count as required alongside the explicit ones.
    wanted = [canonical_skill(skill) or skill.strip() for skill in required_skills if skill.strip()]
    wanted = list(dict.fromkeys(wanted + skills_in_text(job_description)))
    have = {skill.name.lower() for skill in resume_skills}
    lowered_text = resume_text.lower()
    covered: list[str] = []
    missing: list[str] = []
    for skill in wanted:
        mentioned = re.search(rf"(?<!\w){re.escape(skill.lower())}(?!\w)", lowered_text)
        (covered if skill.lower() in have or mentioned else missing).append(skill)

    parts = []
    similarity = keyword_similarity(resume_text, job_description) if job_description.strip() else 0.0
    if wanted:
        parts.append(resume_pb2.ScorePart(
            name="required_skills", score=round(100 * len(covered) / len(wanted)),
            weight=0.7 if job_description.strip() else 1.0,
            reason=f"{len(covered)} of {len(wanted)} required skills found"
                   + (f"; missing: {', '.join(missing)}." if missing else ".")))
    if job_description.strip():
        parts.append(resume_pb2.ScorePart(
            name="keyword_similarity", score=round(100 * min(1.0, similarity / _FULL_SIMILARITY)),
            weight=0.3 if wanted else 1.0,
            reason=f"Vocabulary overlap with the job description (cosine {similarity:.2f})."))
    overall = round(sum(part.score * part.weight for part in parts))
    return resume_pb2.JobMatch(score=resume_pb2.Score(overall=overall, parts=parts), covered_skills=covered,
                               missing_skills=missing, keyword_similarity=round(similarity, 4))
