-- Secrets the services share, made once by the database. Erasure marks in Redis name the
-- candidate by a keyed hash with one of them, so that reading Redis alone cannot tell whom
-- a mark is about, nor confirm a guess.
CREATE TABLE service_keys (
    name text PRIMARY KEY,
    secret bytea NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
-- gen_random_uuid() draws on the server's strong random source; two of them give 244 random bits.
INSERT INTO service_keys (name, secret)
VALUES ('erasure-marks', decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'));

-- Entries of BullMQ's event stream deleted by an erasure (a completed event carries the result).
ALTER TABLE erasures ADD COLUMN events bigint NOT NULL DEFAULT 0;
