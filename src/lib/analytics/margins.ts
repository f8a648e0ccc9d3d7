// Reads population margins for weighting from a CSV the city keeps (e.g. from the basic resident
// register): one row per answer code of a question, with the number of residents.
//   question_key,code,label,population
//   F1,1,18〜19歳,3512
// The label column is optional and only for people reading the file. Every problem is reported
// with its row and column; nothing is saved unless the whole file is right.
import Papa from 'papaparse';
import type { Questionnaire } from '$lib/survey/schema';
import type { ImportProblem } from '$lib/survey/paper-import';

export interface Margin {
	questionKey: string;
	code: number;
	population: number;
}

export type MarginImport = { ok: true; margins: Margin[] } | { ok: false; problems: ImportProblem[] };

export const MARGIN_COLUMNS = ['question_key', 'code', 'label', 'population'];

export function readMargins(doc: Questionnaire, csv: string): MarginImport {
	const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
	const problems: ImportProblem[] = parsed.errors.map((e) => ({ row: (e.row ?? 0) + 1, column: '', message: `CSV として読み取れません: ${e.message}` }));
	const [header = [], ...body] = parsed.data;
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
		const q = questions.get(key);
		if (!q || (q.type !== 'single' && q.type !== 'dropdown')) {
			problems.push({ row, column: 'question_key', message: `「${key}」は単一回答の設問ではありません（年齢・性別・地区などの設問を指定してください）。` });
			return;
		}
		const code = Number(cell('code'));
		if (!/^\d+$/.test(cell('code')) || !q.options.some((o) => o.code === code)) {
			problems.push({ row, column: 'code', message: `「${cell('code')}」は ${key} の選択肢の番号ではありません。` });
			return;
		}
		const raw = cell('population').replace(/,/g, '');
		const population = Number(raw);
		if (!raw || !Number.isFinite(population) || population <= 0) {
			problems.push({ row, column: 'population', message: `人口「${cell('population')}」は正の数ではありません。` });
			return;
		}
		if (seen.has(`${key}:${code}`)) {
			problems.push({ row, column: 'code', message: `${key} の ${code} が二度あります。` });
			return;
		}
		seen.add(`${key}:${code}`);
		margins.push({ questionKey: key, code, population });
	});
	for (const key of new Set(margins.map((m) => m.questionKey)))
		if (margins.filter((m) => m.questionKey === key).length < 2)
			problems.push({ row: 0, column: 'code', message: `${key} には二つ以上の区分が必要です。` });
	return problems.length ? { ok: false, problems } : { ok: true, margins };
}
