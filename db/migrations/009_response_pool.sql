-- Responses of the day wait here, sealed (AES-256-GCM under a key outside the database) and
-- padded, until the day is over; then all of a day's are stored in the response table in one
-- shuffled batch, the invitation codes they used are marked in the same batch, and these rows
-- are erased (secure_delete) and the WAL truncated. Whoever copies the files at any moment can
-- thus neither read a waiting response nor tell the order in which the day's arrived, nor pair
-- a code with its response (src/lib/server/response-pool.ts).
CREATE TABLE response_pool (
	-- Random for a response without a code; for one with a code, a keyed tag of the code's hash,
	-- so the code cannot be used twice while its response waits. Both look alike.
	tag BLOB PRIMARY KEY CHECK (length(tag) = 32),
	survey_id INTEGER NOT NULL REFERENCES survey (id) ON DELETE CASCADE,
	-- The day of receipt (Japan time), as the response will keep it.
	received_on TEXT NOT NULL CHECK (received_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	-- iv (12) | GCM tag (16) | the sealed response, padded to a power of two.
	sealed BLOB NOT NULL
) STRICT, WITHOUT ROWID;

CREATE INDEX response_pool_by_survey ON response_pool (survey_id, received_on);
