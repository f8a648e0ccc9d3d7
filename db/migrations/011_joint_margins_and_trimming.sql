-- Weighting: joint margins (e.g. age × sex) and trimming of extreme weights.

-- A margin's code becomes text, so that a joint margin can name a pair of codes as the CSV
-- writes it: question_key 'F1:F2', code '3:1'. A single margin's code is its number as text
-- ('3'), so the rows saved before read as they did. Nothing references this table, so it is
-- rebuilt in place.
CREATE TABLE weight_margin_new (
	survey_id INTEGER NOT NULL REFERENCES survey (id) ON DELETE CASCADE,
	question_key TEXT NOT NULL CHECK (question_key <> ''),
	code TEXT NOT NULL CHECK (code <> '' AND code NOT GLOB '*[^0-9:]*'),
	population REAL NOT NULL CHECK (population > 0),
	PRIMARY KEY (survey_id, question_key, code)
) STRICT;

INSERT INTO weight_margin_new (survey_id, question_key, code, population)
SELECT survey_id, question_key, CAST(code AS TEXT), population FROM weight_margin ORDER BY survey_id, question_key, code;

DROP TABLE weight_margin;
ALTER TABLE weight_margin_new RENAME TO weight_margin;

-- Trimming bounds as multiples of the mean weight, applied after raking; NULL for no bound.
ALTER TABLE weight_source ADD COLUMN trim_upper REAL CHECK (trim_upper IS NULL OR trim_upper > 1);
ALTER TABLE weight_source ADD COLUMN trim_lower REAL CHECK (trim_lower IS NULL OR (trim_lower > 0 AND trim_lower < 1));
