-- What a council report's response rates and the survey's open data need: how many
-- questionnaires went out without an invitation code, how each batch of letters was drawn, and
-- the licence the published tables are offered under.

-- Questionnaires or letters handed out or mailed without invitation codes (a paper-only
-- mailing, say): the designer enters the number, and it is added to the codes issued as 配布数.
ALTER TABLE survey ADD COLUMN distributed_without_codes INTEGER NOT NULL DEFAULT 0
	CHECK (distributed_without_codes BETWEEN 0 AND 10000000);

-- The licence of the survey's open data (its published tables at /s/{slug}/opendata), as an
-- SPDX identifier: CC BY 4.0 unless the designer chooses CC0.
ALTER TABLE survey ADD COLUMN open_data_licence TEXT NOT NULL DEFAULT 'CC-BY-4.0'
	CHECK (open_data_licence IN ('CC-BY-4.0', 'CC0-1.0'));

-- How a batch's sample was drawn, when it was drawn from one group (層): the question that
-- names the group (a single choice such as age group or district, by its stable key) and the
-- answer code residents of that group give (F3 = 20, 徳地). Both NULL for a batch drawn from
-- everyone. Response rates by group compare the letters of each group with the responses
-- giving that answer; nothing links a code to its response.
ALTER TABLE invitation_batch ADD COLUMN stratum_key TEXT CHECK (stratum_key IS NULL OR length(stratum_key) BETWEEN 1 AND 64);
ALTER TABLE invitation_batch ADD COLUMN stratum_code INTEGER CHECK ((stratum_code IS NULL) = (stratum_key IS NULL));
