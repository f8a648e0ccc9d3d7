// A response's answers packed as one JSON array on the response row, written with its answer
// rows (the answer table stays the one to query by question). Each answer is
// [question, row, code, number, text, status, skipped] with trailing defaults left off
// (null, null, null, 'valid', 0), so the common case is short — ["F1","",9] — and a response
// of the bundled survey stays near 500 bytes: it fits in its table page instead of spilling to
// an overflow page, which made reading 100,000 of them five times slower. Readers destructure
// each answer with those defaults: `[q, row, code = null, number = null, text = null,
// status = 'valid', skipped = 0]`. Migration 005 writes the same trimming in SQL.

export type PackedAnswer = [string, string, (number | null)?, (number | null)?, (string | null)?, string?, number?];

const DEFAULTS = [undefined, undefined, null, null, null, 'valid', 0] as const;

export interface AnswerFields {
	questionKey: string;
	rowKey: string;
	code: number | null;
	number: number | null;
	text: string | null;
	status?: 'valid' | 'invalid';
	skipped?: 0 | 1;
}

export function packAnswers(rows: AnswerFields[]): string {
	return JSON.stringify(
		rows.map((r) => {
			const t: unknown[] = [r.questionKey, r.rowKey, r.code, r.number, r.text, r.status ?? 'valid', r.skipped ?? 0];
			while (t.length > 3 && t[t.length - 1] === DEFAULTS[t.length - 1]) t.pop();
			return t;
		})
	);
}
