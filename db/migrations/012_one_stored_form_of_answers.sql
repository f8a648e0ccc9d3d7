-- Every answer was stored twice: packed as JSON on its response (migration 005), which results,
-- the wide export and every other reader read, and as rows of the answer table, which only the
-- long export and the Shift_JIS check read and which made each response some 36 inserts. The
-- packed form stays the one stored form (src/lib/survey/stored-answers.ts); the rows go.
--
-- Both were always written in one transaction, but the rows are not dropped on trust: if any
-- response's packed answers differ from its rows in number, order, shape, type or any field,
-- this insert breaks its CHECK and the whole migration is undone, leaving the database as it was.
CREATE TEMP TABLE packed_answers_check (
	mismatched INTEGER NOT NULL CONSTRAINT packed_answers_match_answer_rows CHECK (mismatched = 0)
);

-- A response matches when its answers are an array, each element is of the stored shape
-- ([text, text, integer?, number?, text?, 'valid'|'invalid'?, 0|1?] with JSON types, not just
-- values SQLite would convert), and as many elements as rows equal a row at the same place.
INSERT INTO packed_answers_check (mismatched)
SELECT count(*) FROM response r
WHERE json_type(r.answers) IS NOT 'array'
   OR json_array_length(r.answers) != (SELECT count(*) FROM answer a WHERE a.response_id = r.id)
   OR json_array_length(r.answers) != (
	SELECT count(*) FROM answer a JOIN json_each(r.answers) j ON j.key = a.seq
	WHERE a.response_id = r.id
	  AND json_type(j.value) = 'array' AND json_array_length(j.value) BETWEEN 3 AND 7
	  AND json_type(j.value, '$[0]') = 'text' AND json_type(j.value, '$[1]') = 'text'
	  AND coalesce(json_type(j.value, '$[2]'), 'null') IN ('integer', 'null')
	  AND coalesce(json_type(j.value, '$[3]'), 'null') IN ('integer', 'real', 'null')
	  AND coalesce(json_type(j.value, '$[4]'), 'null') IN ('text', 'null')
	  AND coalesce(json_type(j.value, '$[5]'), 'text') = 'text'
	  AND coalesce(json_type(j.value, '$[6]'), 'integer') = 'integer'
	  AND j.value ->> 0 IS a.question_key AND j.value ->> 1 IS a.row_key AND j.value ->> 2 IS a.code
	  AND j.value ->> 3 IS a.number AND j.value ->> 4 IS a.text
	  AND coalesce(j.value ->> 5, 'valid') IS a.status AND coalesce(j.value ->> 6, 0) IS a.skipped
   );

DROP TABLE packed_answers_check;

-- secure_delete is on (db.ts): the dropped table's pages are overwritten with zeros, not left
-- in the file's free list.
DROP TRIGGER answer_is_immutable;
DROP INDEX answer_by_question;
DROP TABLE answer;
