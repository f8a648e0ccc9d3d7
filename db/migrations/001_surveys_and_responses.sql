-- Surveys, their immutable published versions, and anonymous responses.
-- Every table is STRICT; times are ISO 8601 text in UTC.

-- One survey edition (e.g. the FY2022 digital-level survey) as residents know it by its URL.
CREATE TABLE survey (
	id INTEGER PRIMARY KEY,
	-- The public address: /s/{slug}.
	slug TEXT NOT NULL UNIQUE CHECK (slug GLOB '[a-z0-9]*' AND slug NOT GLOB '*[^a-z0-9-]*' AND length(slug) <= 64),
	-- The fiscal year (年度) of this edition, for year-over-year comparison.
	fiscal_year INTEGER NOT NULL,
	-- draft: not public; open: accepting answers between opens_at and closes_at;
	-- closed: no more answers; archived: kept for comparison, hidden from lists.
	status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed', 'archived')),
	-- The version residents answer now; NULL until first published.
	published_version_id INTEGER REFERENCES survey_version (id),
	-- Optional schedule (ISO date-time in UTC); NULL means no limit.
	opens_at TEXT,
	closes_at TEXT,
	-- Cells under this many respondents are hidden in every published aggregate.
	min_cell_size INTEGER NOT NULL DEFAULT 10 CHECK (min_cell_size >= 1),
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
) STRICT;

-- A version of a survey's questionnaire document. Once published_at is set it never changes;
-- editing a published survey makes a new draft version.
CREATE TABLE survey_version (
	id INTEGER PRIMARY KEY,
	survey_id INTEGER NOT NULL REFERENCES survey (id) ON DELETE CASCADE,
	-- 1, 2, 3... within a survey.
	version INTEGER NOT NULL,
	-- The questionnaire document (JSON, validated by src/lib/survey/schema.ts).
	document TEXT NOT NULL CHECK (json_valid(document)),
	published_at TEXT,
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	UNIQUE (survey_id, version)
) STRICT;

CREATE TRIGGER survey_version_published_is_immutable
BEFORE UPDATE ON survey_version
WHEN OLD.published_at IS NOT NULL
BEGIN
	SELECT RAISE(ABORT, 'a published survey version cannot be changed');
END;

CREATE TRIGGER survey_version_published_is_kept
BEFORE DELETE ON survey_version
WHEN OLD.published_at IS NOT NULL AND EXISTS (SELECT 1 FROM survey WHERE id = OLD.survey_id)
BEGIN
	SELECT RAISE(ABORT, 'a published survey version cannot be deleted');
END;

-- One filled-in questionnaire. Nothing about the person or the device is stored: no IP
-- address, no user agent, no cookie id, no time finer than the day. WITHOUT ROWID with a
-- random key, so not even the order of arrival is kept in the table's layout.
CREATE TABLE response (
	-- Random, unguessable (base64url of 16 random bytes).
	id TEXT PRIMARY KEY,
	survey_version_id INTEGER NOT NULL REFERENCES survey_version (id),
	-- web: a resident online; paper: typed in from a paper form; import: a CSV of paper forms.
	channel TEXT NOT NULL CHECK (channel IN ('web', 'paper', 'import')),
	-- The language the resident answered in.
	language TEXT NOT NULL CHECK (language IN ('ja', 'easy', 'en')),
	-- The day it was received (YYYY-MM-DD, Japan time): the only time kept.
	submitted_on TEXT NOT NULL CHECK (submitted_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	-- Synthetic demo data is marked so that it is never taken for real answers.
	synthetic INTEGER NOT NULL DEFAULT 0 CHECK (synthetic IN (0, 1))
) STRICT, WITHOUT ROWID;

CREATE INDEX response_by_version ON response (survey_version_id, submitted_on);

-- The answers, one row per value: a code chosen (single, dropdown, each box ticked in a
-- multiple choice, each matrix row), a number (number, scale) or a text.
CREATE TABLE answer (
	response_id TEXT NOT NULL REFERENCES response (id) ON DELETE CASCADE,
	-- The question's stable key, e.g. 'F1' (the CSV column).
	question_key TEXT NOT NULL,
	-- A matrix row's key (e.g. 'T1_2'); '' for other questions.
	row_key TEXT NOT NULL DEFAULT '',
	-- The option code chosen, for choice and matrix questions.
	code INTEGER,
	-- The value of a number or scale question.
	number REAL,
	-- A free text, or the words written beside an "other (please specify)" option.
	text TEXT,
	CHECK (code IS NOT NULL OR number IS NOT NULL OR text IS NOT NULL)
) STRICT;

CREATE INDEX answer_by_response ON answer (response_id);
CREATE INDEX answer_by_question ON answer (question_key, row_key, code);

-- One-time keys of filled-in forms already received, so a double click, a resubmitted form or
-- the back button never makes a second response. Deliberately not linked to the response.
CREATE TABLE submission_key (
	-- SHA-256 (hex) of the random key the form carried.
	key_hash TEXT PRIMARY KEY,
	survey_id INTEGER NOT NULL REFERENCES survey (id) ON DELETE CASCADE,
	-- The day it was used, so old keys can be purged.
	used_on TEXT NOT NULL
) STRICT, WITHOUT ROWID;
