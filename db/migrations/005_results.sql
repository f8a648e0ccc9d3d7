-- Results: a change counter per survey version, so cached results know when responses were
-- added or removed, and population margins for weighting a survey's results.

-- How many responses were ever added to or removed from a version. Results computed in memory
-- stay valid while the sum over a survey's versions is unchanged.
CREATE TABLE response_change (
	survey_version_id INTEGER PRIMARY KEY REFERENCES survey_version (id) ON DELETE CASCADE,
	changes INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TRIGGER response_added AFTER INSERT ON response
BEGIN
	INSERT INTO response_change (survey_version_id, changes) VALUES (NEW.survey_version_id, 1)
	ON CONFLICT (survey_version_id) DO UPDATE SET changes = changes + 1;
END;

CREATE TRIGGER response_removed AFTER DELETE ON response
BEGIN
	INSERT INTO response_change (survey_version_id, changes) VALUES (OLD.survey_version_id, 1)
	ON CONFLICT (survey_version_id) DO UPDATE SET changes = changes + 1;
END;

-- Population margins (e.g. from the basic resident register) for raking: for a question such
-- as age group, sex or district, the number of residents with each answer code.
CREATE TABLE weight_margin (
	survey_id INTEGER NOT NULL REFERENCES survey (id) ON DELETE CASCADE,
	question_key TEXT NOT NULL,
	code INTEGER NOT NULL,
	population REAL NOT NULL CHECK (population > 0),
	PRIMARY KEY (survey_id, question_key, code)
) STRICT;

-- Where the margins came from and when, shown beside every weighted figure.
CREATE TABLE weight_source (
	survey_id INTEGER PRIMARY KEY REFERENCES survey (id) ON DELETE CASCADE,
	note TEXT NOT NULL DEFAULT '',
	imported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
) STRICT;

-- Each response's answers once more, packed as one JSON array on the response, written in the
-- same transaction as its answer rows (src/lib/survey/packed-answers.ts): each answer is
-- [question_key, row_key, code, number, text, status, skipped] with trailing defaults (null,
-- null, null, 'valid', 0) left off, so a response stays small enough to sit in its table page.
-- Reading 100,000 of these is far faster than stepping through 3.6 million answer rows, which
-- results and the wide export need; the answer table stays the one to query by question.
ALTER TABLE response ADD COLUMN answers TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(answers));

UPDATE response SET answers = (
	SELECT json_group_array(json(packed)) FROM (
		SELECT CASE
			WHEN skipped = 1 THEN json_array(question_key, row_key, code, number, text, status, skipped)
			WHEN status = 'invalid' THEN json_array(question_key, row_key, code, number, text, status)
			WHEN text IS NOT NULL THEN json_array(question_key, row_key, code, number, text)
			WHEN number IS NOT NULL THEN json_array(question_key, row_key, code, number)
			ELSE json_array(question_key, row_key, code)
		END AS packed
		FROM answer WHERE response_id = response.id ORDER BY rowid
	)
);

-- An acknowledged response never changes (it may only be deleted, e.g. synthetic demo data).
CREATE TRIGGER response_is_immutable BEFORE UPDATE ON response
BEGIN
	SELECT RAISE(ABORT, 'a stored response cannot be changed');
END;

CREATE TRIGGER answer_is_immutable BEFORE UPDATE ON answer
BEGIN
	SELECT RAISE(ABORT, 'a stored answer cannot be changed');
END;
