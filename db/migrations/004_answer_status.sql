-- Paper is messy, and the system records it as survey offices tabulate it: an answer that
-- cannot be read (two marks on a single choice) is 不明, kept as such; an answer to a question
-- the respondent should have skipped is kept but flagged. (An unanswered question, 無回答, has
-- no row, as on the web.) SQLite cannot change a CHECK, so the table is rebuilt.
CREATE TABLE answer_new (
	response_id TEXT NOT NULL REFERENCES response (id) ON DELETE CASCADE,
	question_key TEXT NOT NULL,
	row_key TEXT NOT NULL DEFAULT '',
	code INTEGER,
	number REAL,
	text TEXT,
	-- valid: a real answer; invalid: 不明, marked but unreadable (no code, number or text).
	status TEXT NOT NULL DEFAULT 'valid' CHECK (status IN ('valid', 'invalid')),
	-- 1 when the conditions said to skip this question but the respondent answered it (paper).
	skipped INTEGER NOT NULL DEFAULT 0 CHECK (skipped IN (0, 1)),
	CHECK (status = 'invalid' OR code IS NOT NULL OR number IS NOT NULL OR text IS NOT NULL)
) STRICT;

INSERT INTO answer_new (response_id, question_key, row_key, code, number, text)
SELECT response_id, question_key, row_key, code, number, text FROM answer ORDER BY rowid;

DROP TABLE answer;
ALTER TABLE answer_new RENAME TO answer;
CREATE INDEX answer_by_response ON answer (response_id);
CREATE INDEX answer_by_question ON answer (question_key, row_key, code);
