-- Survey settings the designer edits, and the priority projects with their indicators.

-- Whether residents may see the results page once the survey has closed.
ALTER TABLE survey ADD COLUMN results_public INTEGER NOT NULL DEFAULT 0 CHECK (results_public IN (0, 1));
-- Whether answering needs an invitation code from a mailed letter.
ALTER TABLE survey ADD COLUMN invitation_required INTEGER NOT NULL DEFAULT 0 CHECK (invitation_required IN (0, 1));
-- The edition this one was cloned from (e.g. FY2023 from FY2022), for comparing years.
ALTER TABLE survey ADD COLUMN previous_edition_id INTEGER REFERENCES survey (id) ON DELETE SET NULL;

-- A priority project (重点プロジェクト) of the smart-city vision, revised each year.
CREATE TABLE priority_project (
	id INTEGER PRIMARY KEY,
	-- The number the vision gives it (重点プロジェクト1, 7, ...).
	number INTEGER NOT NULL UNIQUE CHECK (number >= 1),
	name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
	description TEXT NOT NULL DEFAULT ''
) STRICT;

-- An indicator (活動指標・成果指標) of a project, defined from survey answers: the share of
-- those counted (the base) whose answer to a question is one of some codes.
CREATE TABLE indicator (
	id INTEGER PRIMARY KEY,
	project_id INTEGER NOT NULL REFERENCES priority_project (id) ON DELETE CASCADE,
	name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
	-- The question key (stable across editions) and, for a matrix, the row key. It may instead
	-- name the questionnaire's index (e.g. 'DSI'); codes are then level numbers, 1 being the
	-- first level the index lists (above basic), 2 the second (basic), and so on.
	question_key TEXT NOT NULL,
	row_key TEXT NOT NULL DEFAULT '',
	-- JSON array of the option codes that count, e.g. [1,2].
	codes TEXT NOT NULL CHECK (json_valid(codes) AND json_type(codes) = 'array'),
	-- Who is counted, as a showIf-style condition (JSON), or NULL for everyone who answered.
	base TEXT CHECK (base IS NULL OR json_valid(base)),
	-- An optional target value (in the unit) and the fiscal year it is for.
	target REAL,
	target_year INTEGER,
	unit TEXT NOT NULL DEFAULT '%',
	position INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE INDEX indicator_by_project ON indicator (project_id, position);

-- The projects and indicators named in the council's record, to start with.
INSERT INTO priority_project (number, name, description) VALUES
	(1, 'データ連携・利活用', '本人の同意（オプトイン）を前提に、個人情報を厳格に保護しながらデータを連携・活用し、市民の不安の解消に取り組む。'),
	(7, '元気いきいき', '高齢者が住み慣れた地域でいきいきと暮らし続けられるよう、中山間地域での支援や、県外に住む子や孫とのつながりを後押しする。');

INSERT INTO indicator (project_id, name, question_key, row_key, codes, base, position)
SELECT id, 'オプトインでデータを提供してよいと答えた人の割合', 'T2', '', '[1,2]', NULL, 1 FROM priority_project WHERE number = 1
UNION ALL SELECT id, '個人情報の扱いを心配している人の割合', 'T1', 'T1_2', '[1,2]', NULL, 2 FROM priority_project WHERE number = 1
UNION ALL SELECT id, 'オンラインで手続きをした人の割合', 'G2', '', '[1,2,3,4,5,6]', NULL, 3 FROM priority_project WHERE number = 1
UNION ALL SELECT id, 'デジタル活用度が「基本」以上の人の割合', 'DSI', '', '[1,2]', NULL, 4 FROM priority_project WHERE number = 1
UNION ALL SELECT id, '週に1回以上インターネットを使う人の割合（65歳以上）', 'D2', '', '[1,2]', '{"all":[{"question":"F1","op":"oneOf","values":[7,8,9,10]}]}', 1 FROM priority_project WHERE number = 7
UNION ALL SELECT id, '家族とビデオ通話をしている人の割合（65歳以上）', 'C1', '', '[4]', '{"all":[{"question":"F1","op":"oneOf","values":[7,8,9,10]}]}', 2 FROM priority_project WHERE number = 7
UNION ALL SELECT id, 'スマホ教室に参加したい人の割合（65歳以上）', 'C2', '', '[1,2]', '{"all":[{"question":"F1","op":"oneOf","values":[7,8,9,10]}]}', 3 FROM priority_project WHERE number = 7
UNION ALL SELECT id, '週に1回以上インターネットを使う人の割合（65歳以上・徳地）', 'D2', '', '[1,2]', '{"all":[{"question":"F1","op":"oneOf","values":[7,8,9,10]},{"question":"F3","op":"equals","value":20}]}', 4 FROM priority_project WHERE number = 7
UNION ALL SELECT id, '週に1回以上インターネットを使う人の割合（65歳以上・阿東）', 'D2', '', '[1,2]', '{"all":[{"question":"F1","op":"oneOf","values":[7,8,9,10]},{"question":"F3","op":"equals","value":21}]}', 5 FROM priority_project WHERE number = 7;
