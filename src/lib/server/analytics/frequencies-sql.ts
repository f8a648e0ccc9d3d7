// Per-question frequency tables computed by SQLite, fast enough for 100,000 responses: counts
// come from GROUP BY over the answer table, and each question's base (those it was shown to)
// from its conditions translated to SQL sets of responses. Stored answers are those of visible questions (hidden
// ones are dropped at submission; paper answers the conditions skipped carry skipped = 1 and are
// left out here), so a condition is true exactly when the stored answers satisfy it.
import type { DB } from '../db';
import type { Clause, Condition, Question, Questionnaire } from '$lib/survey/schema';
import { isClause } from '$lib/survey/conditions';
import { INVALID, NO_ANSWER, type Category, type QuestionTable } from '$lib/analytics/frequencies';

interface Sql {
	sql: string;
	params: (string | number)[];
}

// Not correlated with r, so SQLite builds each set once (through answer_by_question) instead of
// searching every response's answers.
const answerOf = (c: Clause, extra: string): Sql => ({
	sql: `r.id IN (SELECT x.response_id FROM answer x WHERE x.question_key = ? AND x.row_key = ?
		AND x.status = 'valid' AND x.skipped = 0 ${extra})`,
	params: [c.question, c.row ?? '']
});

function clauseSql(c: Clause): Sql {
	const values = c.values ?? [];
	const list = values.map(() => '?').join(', ') || 'NULL';
	switch (c.op) {
		case 'answered':
			return answerOf(c, '');
		case 'notAnswered': {
			const a = answerOf(c, '');
			return { sql: `NOT ${a.sql}`, params: a.params };
		}
		case 'equals': {
			const a = answerOf(c, 'AND x.code = ?');
			return { sql: a.sql, params: [...a.params, c.value!] };
		}
		case 'oneOf': {
			const a = answerOf(c, `AND x.code IN (${list})`);
			return { sql: a.sql, params: [...a.params, ...values] };
		}
		case 'noneOf': {
			const a = answerOf(c, `AND x.code IN (${list})`);
			return { sql: `NOT ${a.sql}`, params: [...a.params, ...values] };
		}
		default: {
			const op = { gt: '>', gte: '>=', lt: '<', lte: '<=' }[c.op];
			const a = answerOf(c, `AND x.number ${op} ?`);
			return { sql: a.sql, params: [...a.params, c.value!] };
		}
	}
}

export function conditionSql(condition: Condition | undefined): Sql {
	if (!condition) return { sql: '1', params: [] };
	const items = 'all' in condition ? condition.all : condition.any;
	const parts = items.map((item) => (isClause(item) ? clauseSql(item) : conditionSql(item)));
	return {
		sql: `(${parts.map((p) => p.sql).join('all' in condition ? ' AND ' : ' OR ')})`,
		params: parts.flatMap((p) => p.params)
	};
}

/** Frequency tables for every question of a survey, as FrequencyCounter would make them. */
export function frequencyTables(db: DB, surveyId: number, doc: Questionnaire): QuestionTable[] {
	const scope = `FROM response r JOIN survey_version v ON v.id = r.survey_version_id WHERE v.survey_id = ?`;
	const groups = db
		.prepare(
			`SELECT a.question_key AS q, a.row_key AS row, a.code, a.number, a.status, count(*) AS n
			 FROM answer a WHERE a.skipped = 0 AND a.response_id IN (SELECT r.id ${scope})
			 GROUP BY a.question_key, a.row_key, a.code, a.number, a.status`
		)
		.all(surveyId) as { q: string; row: string; code: number | null; number: number | null; status: string; n: number }[];
	const byKey = new Map<string, typeof groups>();
	for (const g of groups) {
		const key = `${g.q}.${g.row}`;
		byKey.set(key, [...(byKey.get(key) ?? []), g]);
	}
	// How many respondents answered each question at all (a multiple choice counts once).
	const answered = new Map(
		(
			db
				.prepare(
					`SELECT a.question_key AS q, a.row_key AS row, count(DISTINCT a.response_id) AS n FROM answer a
					 WHERE a.skipped = 0 AND a.status = 'valid' AND a.response_id IN (SELECT r.id ${scope})
					 GROUP BY a.question_key, a.row_key`
				)
				.all(surveyId) as { q: string; row: string; n: number }[]
		).map((r) => [`${r.q}.${r.row}`, r.n])
	);

	const tables: QuestionTable[] = [];
	for (const section of doc.sections)
		for (const q of section.questions) {
			const conditions = [section.showIf, q.showIf].filter((c): c is Condition => !!c);
			const shown = conditionSql(conditions.length ? { all: conditions } : undefined);
			const base = db.prepare(`SELECT count(*) ${scope} AND ${shown.sql}`).pluck().get(surveyId, ...shown.params) as number;
			const table = (rowKey: string, row?: QuestionTable['row']): QuestionTable => {
				const found = byKey.get(`${q.key}.${rowKey}`) ?? [];
				const valid = found.filter((g) => g.status === 'valid');
				const invalid = found.filter((g) => g.status === 'invalid').reduce((s, g) => s + g.n, 0);
				const people = answered.get(`${q.key}.${rowKey}`) ?? 0;
				const numbers = valid.filter((g) => g.number !== null);
				const n = numbers.reduce((s, g) => s + g.n, 0);
				return {
					question: q,
					row,
					base,
					categories: [
						...categoriesOf(q, valid, people),
						{ code: INVALID, label: INVALID, n: invalid },
						{ code: NO_ANSWER, label: NO_ANSWER, n: base - people - invalid }
					],
					summary:
						(q.type === 'number' || q.type === 'scale') && n
							? {
									n,
									mean: numbers.reduce((s, g) => s + g.number! * g.n, 0) / n,
									min: Math.min(...numbers.map((g) => g.number!)),
									max: Math.max(...numbers.map((g) => g.number!))
								}
							: undefined
				};
			};
			if (q.type === 'matrix') for (const r of q.rows) tables.push(table(r.key, { key: r.key, label: r.label.ja }));
			else tables.push(table(''));
		}
	return tables;
}

function categoriesOf(q: Question, valid: { code: number | null; number: number | null; n: number }[], people: number): Category[] {
	const sum = (match: (g: { code: number | null; number: number | null }) => boolean) =>
		valid.filter(match).reduce((s, g) => s + g.n, 0);
	if ('options' in q) return q.options.map((o) => ({ code: o.code, label: o.label.ja, n: sum((g) => g.code === o.code) }));
	if (q.type === 'scale')
		return Array.from({ length: q.max - q.min + 1 }, (_, i) => ({ code: q.min + i, label: String(q.min + i), n: sum((g) => g.number === q.min + i) }));
	return [{ code: '回答あり', label: '回答あり', n: people }];
}
