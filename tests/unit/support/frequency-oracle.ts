// Counting every question's answers one response at a time, in JavaScript: slow, but simple
// enough to trust, so the SQL version is checked against it.
import type { Questionnaire } from '../../../src/lib/survey/schema';
import type { Answers } from '../../../src/lib/survey/answers';
import { resolveVisibility } from '../../../src/lib/survey/conditions';
import { INVALID, NO_ANSWER, type Category, type QuestionTable } from '../../../src/lib/analytics/frequencies';

interface Tally {
	base: number;
	counts: Map<number, number>;
	invalid: number;
	answered: number;
	sum: number;
	values: number[];
	min: number;
	max: number;
}

const tally = (): Tally => ({ base: 0, counts: new Map(), invalid: 0, answered: 0, sum: 0, values: [], min: Infinity, max: -Infinity });

/** The sample standard deviation, by its definition. */
const sdOf = (t: Tally) => {
	const mean = t.sum / t.values.length;
	return Math.sqrt(t.values.reduce((s, x) => s + (x - mean) ** 2, 0) / (t.values.length - 1));
};

export class FrequencyCounter {
	private tallies = new Map<string, Tally>();
	constructor(private doc: Questionnaire) {}

	private get(key: string) {
		let t = this.tallies.get(key);
		if (!t) this.tallies.set(key, (t = tally()));
		return t;
	}

	/** Adds one response: its valid answers, and the keys (or matrix row keys) marked 不明. */
	add(answers: Answers, invalid: Set<string>): void {
		const { questions: visible } = resolveVisibility(this.doc, answers);
		for (const s of this.doc.sections)
			for (const q of s.questions) {
				if (!visible.has(q.key) && !invalid.has(q.key)) continue;
				const value = answers[q.key];
				if (q.type === 'matrix') {
					for (const r of q.rows) {
						const t = this.get(`${q.key}.${r.key}`);
						t.base++;
						const code = (value as Record<string, number> | undefined)?.[r.key];
						if (invalid.has(r.key)) t.invalid++;
						else if (code !== undefined) (t.answered++, t.counts.set(code, (t.counts.get(code) ?? 0) + 1));
					}
					continue;
				}
				const t = this.get(q.key);
				t.base++;
				if (invalid.has(q.key)) t.invalid++;
				else if (Array.isArray(value)) {
					t.answered++;
					for (const code of value) t.counts.set(code, (t.counts.get(code) ?? 0) + 1);
				} else if (typeof value === 'number') {
					t.answered++;
					if (q.type === 'number' || q.type === 'scale') {
						t.sum += value;
						t.values.push(value);
						t.min = Math.min(t.min, value);
						t.max = Math.max(t.max, value);
					}
					t.counts.set(value, (t.counts.get(value) ?? 0) + 1);
				} else if (typeof value === 'string' && value) t.answered++;
			}
	}

	tables(): QuestionTable[] {
		const out: QuestionTable[] = [];
		const tail = (t: Tally): Category[] => [
			{ code: INVALID, label: INVALID, n: t.invalid },
			{ code: NO_ANSWER, label: NO_ANSWER, n: t.base - t.answered - t.invalid }
		];
		for (const s of this.doc.sections)
			for (const q of s.questions) {
				if (q.type === 'matrix') {
					for (const r of q.rows) {
						const t = this.get(`${q.key}.${r.key}`);
						out.push({
							question: q,
							row: { key: r.key, label: r.label.ja },
							base: t.base,
							categories: [...q.options.map((o) => ({ code: o.code, label: o.label.ja, n: t.counts.get(o.code) ?? 0 })), ...tail(t)]
						});
					}
					continue;
				}
				const t = this.get(q.key);
				const categories: Category[] =
					'options' in q
						? q.options.map((o) => ({ code: o.code, label: o.label.ja, n: t.counts.get(o.code) ?? 0 }))
						: q.type === 'scale'
							? Array.from({ length: q.max - q.min + 1 }, (_, i) => ({ code: q.min + i, label: String(q.min + i), n: t.counts.get(q.min + i) ?? 0 }))
							: [{ code: '回答あり', label: '回答あり', n: t.answered }];
				out.push({
					question: q,
					base: t.base,
					categories: [...categories, ...tail(t)],
					summary: (q.type === 'number' || q.type === 'scale') && t.answered ? { n: t.answered, mean: t.sum / t.answered, sd: sdOf(t), min: t.min, max: t.max } : undefined
				});
			}
		return out;
	}
}
