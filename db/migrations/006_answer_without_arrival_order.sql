-- The answer table kept, through its rowids, the order in which responses arrived: ordering
-- responses by their first answer's rowid would line them up in time within a day, which the
-- response table (WITHOUT ROWID, random ids) was built not to keep. Answers are now keyed by
-- their response and their place in it, so they sit in random-id order like the responses.
CREATE TABLE answer_new (
	response_id TEXT NOT NULL REFERENCES response (id) ON DELETE CASCADE,
	-- The answer's place in its response (0, 1, 2…), in questionnaire order.
	seq INTEGER NOT NULL CHECK (seq >= 0),
	question_key TEXT NOT NULL,
	row_key TEXT NOT NULL DEFAULT '',
	code INTEGER,
	number REAL,
	text TEXT,
	status TEXT NOT NULL DEFAULT 'valid' CHECK (status IN ('valid', 'invalid')),
	skipped INTEGER NOT NULL DEFAULT 0 CHECK (skipped IN (0, 1)),
	CHECK (status = 'invalid' OR code IS NOT NULL OR number IS NOT NULL OR text IS NOT NULL),
	PRIMARY KEY (response_id, seq)
) STRICT, WITHOUT ROWID;

INSERT INTO answer_new (response_id, seq, question_key, row_key, code, number, text, status, skipped)
SELECT response_id, row_number() OVER (PARTITION BY response_id ORDER BY rowid) - 1,
       question_key, row_key, code, number, text, status, skipped
FROM answer;

DROP TABLE answer;
ALTER TABLE answer_new RENAME TO answer;
CREATE INDEX answer_by_question ON answer (question_key, row_key, code);

CREATE TRIGGER answer_is_immutable BEFORE UPDATE ON answer
BEGIN
	SELECT RAISE(ABORT, 'a stored answer cannot be changed');
END;
