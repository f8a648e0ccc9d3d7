// The stored answers as rows, in SQL: what tests read to check from outside the application's
// codec what a response holds (src/lib/survey/stored-answers.ts keeps them as one JSON array on
// each response). Use as `FROM ${ANSWER_ROWS} a`.
export const ANSWER_ROWS = `(SELECT r.id AS response_id, j.key AS seq, j.value ->> 0 AS question_key, j.value ->> 1 AS row_key,
	j.value ->> 2 AS code, j.value ->> 3 AS number, j.value ->> 4 AS text,
	coalesce(j.value ->> 5, 'valid') AS status, coalesce(j.value ->> 6, 0) AS skipped
	FROM response r, json_each(r.answers) j)`;
