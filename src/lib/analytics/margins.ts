// Reads population margins for weighting from a CSV the city keeps (e.g. from the basic resident
// register): one row per answer code of a question, with the number of residents.
//   question_key,code,label,population
//   F1,1,18〜19歳,3512
// A joint margin (e.g. age × sex) joins two single-choice questions and their codes with ':':
//   F1:F2,3:1,30〜39歳・男性,4512
// The label column is optional and only for people reading the file. Every problem is reported
// with its row and column; nothing is saved unless the whole file is right.
import { parseCsv } from '$lib/csv';
import type { Question, Questionnaire } from '$lib/survey/schema';
import type { ImportProblem } from '$lib/survey/paper-import';

export interface Margin {
	/** The question's key, or two keys joined with ':' for a joint margin ('F1:F2'). */
	questionKey: string;
	/** The answer code (of the first question, for a joint margin). */
	code: number;
	/** For a joint margin, the second question's answer code. */
	code2?: number;
	population: number;
}

export type MarginImport = { ok: true; margins: Margin[] } | { ok: false; problems: ImportProblem[] };

export const MARGIN_COLUMNS = ['question_key', 'code', 'label', 'population'];

/** The question keys a margin is on: one, or two for a joint margin. */
export const marginKeys = (questionKey: string): string[] => questionKey.split(':');

/** A margin row's code as the CSV writes it: '3', or '3:1' for a joint margin. */
export const marginCode = (m: Pick<Margin, 'code' | 'code2'>): string => (m.code2 === undefined ? String(m.code) : `${m.code}:${m.code2}`);

const usable = (q: Question | undefined) => q?.type === 'single' || q?.type === 'dropdown';

/** Checks a margins CSV against the questionnaire: the margins, or every problem by row and column. */
export function readMargins(doc: Questionnaire, csv: string): MarginImport {
	const { rows, problems } = parseCsv(csv);
	const [header = [], ...body] = rows;
	const names = header.map((h) => h.trim());
	for (const required of ['question_key', 'code', 'population'])
		if (!names.includes(required)) problems.push({ row: 1, column: required, message: `列「${required}」がありません。` });
	if (!body.length) problems.push({ row: 2, column: '', message: 'データの行がありません。' });
	if (problems.length) return { ok: false, problems };

	const questions = new Map(doc.sections.flatMap((s) => s.questions).map((q) => [q.key, q]));
	const seen = new Set<string>();
	const margins: Margin[] = [];
	body.forEach((cells, i) => {
		const row = i + 2;
		const cell = (name: string) => (cells[names.indexOf(name)] ?? '').trim();
		const key = cell('question_key');
		const keys = marginKeys(key);
		if (keys.length > 2 || (keys.length === 2 && keys[0] === keys[1])) {
			problems.push({ row, column: 'question_key', message: `「${key}」は読み取れません。組み合わせは異なる二つの設問を「:」でつないでください（例：F1:F2）。` });
			return;
		}
		const bad = keys.find((k) => !usable(questions.get(k)));
		if (bad !== undefined) {
			problems.push({
				row,
				column: 'question_key',
				message: `「${bad}」は単一回答の設問ではありません（年齢・性別・地区などの設問を指定してください${keys.length > 1 ? '。組み合わせは二つの設問を「:」でつなぎます' : ''}）。`
			});
			return;
		}
		const parts = cell('code').split(':');
		if (parts.length !== keys.length) {
			problems.push({
				row,
				column: 'code',
				message:
					keys.length > 1
						? `「${cell('code')}」は ${key} の番号の組ではありません（${keys[0]} の番号と ${keys[1]} の番号を「:」でつないでください。例：3:1）。`
						: `「${cell('code')}」は ${key} の選択肢の番号ではありません。`
			});
			return;
		}
		const wrong = parts.findIndex((p, k) => !/^\d+$/.test(p) || !(questions.get(keys[k]) as { options: { code: number }[] }).options.some((o) => o.code === Number(p)));
		if (wrong >= 0) {
			problems.push({
				row,
				column: 'code',
				message:
					keys.length > 1
						? `「${cell('code')}」の「${parts[wrong]}」は ${keys[wrong]} の選択肢の番号ではありません。`
						: `「${cell('code')}」は ${key} の選択肢の番号ではありません。`
			});
			return;
		}
		const raw = cell('population').replace(/,/g, '');
		const population = Number(raw);
		if (!raw || !Number.isFinite(population) || population <= 0) {
			problems.push({ row, column: 'population', message: `人口「${cell('population')}」は正の数ではありません。` });
			return;
		}
		const m: Margin = { questionKey: key, code: Number(parts[0]), population };
		if (parts.length > 1) m.code2 = Number(parts[1]);
		const id = `${key}=${marginCode(m)}`;
		if (seen.has(id)) {
			problems.push({ row, column: 'code', message: `${key} の ${marginCode(m)} が二度あります。` });
			return;
		}
		seen.add(id);
		margins.push(m);
	});
	for (const key of new Set(margins.map((m) => m.questionKey)))
		if (margins.filter((m) => m.questionKey === key).length < 2)
			problems.push({ row: 0, column: 'code', message: `${key} には二つ以上の区分が必要です。` });
	return problems.length ? { ok: false, problems } : { ok: true, margins };
}
