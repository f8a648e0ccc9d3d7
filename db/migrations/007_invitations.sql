-- Invitation codes for surveys mailed to a sample of residents: each letter carries one code,
-- and a survey that requires them takes one response per code. Only each code's SHA-256 is
-- kept (the codes themselves are shown once, when they are issued, for printing), and a code
-- is marked used in the same transaction as the response it opened, but never linked to it:
-- no response id, no time, and no order of issue or use (WITHOUT ROWID, keyed by the hash).
CREATE TABLE invitation_batch (
	id INTEGER PRIMARY KEY,
	survey_id INTEGER NOT NULL REFERENCES survey (id) ON DELETE CASCADE,
	-- How many codes were issued, and the day (for the staff's list of mailings).
	issued INTEGER NOT NULL CHECK (issued > 0),
	issued_on TEXT NOT NULL
) STRICT;

CREATE TABLE invitation (
	-- SHA-256 (hex) of the code's 12 digits.
	code_hash TEXT PRIMARY KEY,
	batch_id INTEGER NOT NULL REFERENCES invitation_batch (id) ON DELETE CASCADE,
	used INTEGER NOT NULL DEFAULT 0 CHECK (used IN (0, 1))
) STRICT, WITHOUT ROWID;

CREATE INDEX invitation_by_batch ON invitation (batch_id, used);
