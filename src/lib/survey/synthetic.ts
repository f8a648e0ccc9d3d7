// Synthetic answers for demonstrations and benchmarks: a seeded generator that fills any
// questionnaire with valid answers, with plausible patterns for the digital-level survey keyed
// by its stable question keys (internet use, online activities and video calls fall with age;
// the mountain districts 徳地 and 阿東 are older; older residents answer on paper more often and
// want a smartphone class more; a later edition shows a little more internet use). Never
// presented as real data: responses made from it are stored with synthetic = 1.
import type { Option, Question, Questionnaire } from './schema';
import type { FormValues } from './validate-answers';
import { otherKey, type Answers } from './answers';
import { evalCondition } from './conditions';

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)];

/** Picks an index with the given relative weights. */
function weighted(random: () => number, weights: readonly number[]): number {
	let r = random() * weights.reduce((a, b) => a + b, 0);
	for (let i = 0; i < weights.length; i++) if ((r -= weights[i]) < 0) return i;
	return weights.length - 1;
}

const clamp = (x: number, lo = 0.02, hi = 0.98) => Math.min(hi, Math.max(lo, x));

// Respondents to a city's mailed survey skew older; districts roughly by population.
const AGE_WEIGHTS = [2, 6, 8, 9, 10, 8, 10, 12, 11, 12];
const OLD_AGE_WEIGHTS = [1, 3, 4, 6, 8, 8, 12, 15, 15, 20];
const DISTRICT_WEIGHTS = [6, 7, 9, 2, 2, 9, 5, 7, 7, 4, 2, 2, 1, 2, 4, 2, 12, 3, 5, 4, 3, 1];
const MOUNTAIN = new Set([20, 21]);

const COMMENTS = [
	'紙の手続きも残してほしいです。',
	'スマホ教室を地区の公民館でも開いてほしい。',
	'マイナンバーカードの使い道がよくわかりません。',
	'個人情報がどう使われるのか、説明をしっかりしてほしい。',
	'バスの時刻や遅れがスマホで分かると助かります。',
	'子育ての手続きがオンラインでできて便利でした。',
	'防災情報はLINEで届くと安心です。',
	'年寄りにはむずかしい。教えてくれる人がいると良い。'
];

export interface SyntheticProfile {
	/** Years after the first edition: internet use and activities rise a little each year. */
	yearsLater?: number;
}

/** The patterns of the bundled survey, by stable key; undefined for "no special pattern". */
function patterned(q: Question, a: Answers, random: () => number, later: number): number | number[] | Record<string, number> | undefined {
	const age = typeof a.F1 === 'number' ? a.F1 : 5;
	const old = age >= 7;
	switch (q.key) {
		case 'F1':
			return weighted(random, MOUNTAIN.has(a.F3 as number) ? OLD_AGE_WEIGHTS : AGE_WEIGHTS) + 1;
		case 'F2':
			return weighted(random, [46, 50, 1, 3]) + 1;
		case 'F4':
			return weighted(random, old ? [28, 38, 20, 10, 4] : age <= 2 ? [25, 2, 65, 5, 3] : [12, 18, 55, 12, 3]) + 1;
		case 'F5': {
			if (age < 3 || age > 5 || random() < 0.45) return [5];
			const kids = [1, 2, 3, 4].filter(() => random() < 0.4);
			return kids.length ? kids : [2];
		}
		case 'F6':
			if (age === 1) return random() < 0.75 ? 4 : 3;
			if (age === 2 && random() < 0.2) return 4;
			if (age >= 8) return weighted(random, [3, 10, 8, 0, 15, 60, 4]) + 1;
			return weighted(random, [45, 10, 20, 0, 12, 8, 5]) + 1;
		case 'D1': {
			const phone = random() < clamp(0.98 - (age - 1) * 0.07 + later * 0.03);
			const list = [phone ? 1 : 0, !phone && random() < 0.5 ? 2 : 0, random() < clamp(0.6 - age * 0.04) ? 3 : 0, random() < clamp(0.4 - age * 0.03) ? 4 : 0, random() < 0.15 ? 5 : 0].filter(Boolean);
			return list.length ? list : [6];
		}
		case 'D2': {
			const p = random() + (age - 5) * 0.12 + (MOUNTAIN.has(a.F3 as number) ? 0.08 : 0) - later * 0.05;
			return p < 0.6 ? 1 : p < 0.75 ? 2 : p < 0.85 ? 3 : p < 1.05 ? 4 : 5;
		}
		case 'T2':
			return weighted(random, old ? [18, 35, 17, 30] : [30, 42, 18, 10]) + 1;
		case 'C1': {
			const list = [random() < 0.8 ? 1 : 0, random() < clamp(0.5 - age * 0.03) ? 2 : 0, random() < clamp(0.85 - age * 0.06 + later * 0.04) ? 3 : 0, random() < clamp(0.5 - age * 0.04 + later * 0.04) ? 4 : 0, random() < 0.5 ? 5 : 0].filter(Boolean);
			return list.length ? list : [6];
		}
		case 'C2':
			return weighted(random, old ? [20, 35, 25, 20] : [5, 20, 30, 45]) + 1;
		case 'W1':
			return Math.round(clamp(0.3 + random() * 0.5 + (random() - 0.5) * 0.3, 0, 1) * 10);
	}
	if (q.type === 'matrix' && q.key === 'T1') {
		const agree = { T1_1: old ? 0.45 : 0.7, T1_2: 0.65, T1_3: old ? 0.6 : 0.35, T1_4: old ? 0.6 : 0.25, T1_5: 0.5 } as Record<string, number>;
		return Object.fromEntries(q.rows.map((r) => [r.key, random() < (agree[r.key] ?? 0.5) ? weighted(random, [1, 1.4]) + 1 : weighted(random, [1, 1, 1]) + 3]));
	}
	return undefined;
}

function generic(q: Question, a: Answers, random: () => number, later: number): number | number[] | Record<string, number> | string | undefined {
	const age = typeof a.F1 === 'number' ? a.F1 : 5;
	switch (q.type) {
		case 'single':
		case 'dropdown':
			return q.key === 'F3' ? q.options[weighted(random, DISTRICT_WEIGHTS.slice(0, q.options.length))].code : pick(random, q.options).code;
		case 'multiple': {
			const normal = q.options.filter((o: Option) => !o.exclusive);
			const none = q.options.find((o: Option) => o.exclusive);
			// Younger residents do more of the listed activities.
			const rate = q.key.startsWith('A') ? Math.max(0.1, 0.75 - (age - 1) * 0.06 + later * 0.04) : 0.35;
			let chosen = normal.filter(() => random() < rate);
			if (q.maxSelect) chosen = chosen.slice(0, q.maxSelect);
			if (!chosen.length && none) chosen = [none];
			if (!chosen.length) chosen = [normal[0]];
			return chosen.map((o) => o.code);
		}
		case 'matrix':
			return Object.fromEntries(q.rows.map((r) => [r.key, pick(random, q.options).code]));
		case 'scale':
			return Math.round(q.min + (q.max - q.min) * (0.3 + random() * 0.6));
		case 'number':
			return Math.round((q.min ?? 0) + random() * ((q.max ?? 100) - (q.min ?? 0)));
		case 'text':
		case 'longtext':
			return random() < 0.2 ? pick(random, COMMENTS) : undefined;
	}
}

/** One synthetic respondent's answers; conditions are honoured, so nothing hidden is filled. */
export function syntheticAnswers(doc: Questionnaire, random: () => number, profile: SyntheticProfile = {}): Answers {
	const answers: Answers = {};
	const later = profile.yearsLater ?? 0;
	// F3 first, so that age can depend on the district.
	const order = doc.sections.map((s) => ({ s, questions: [...s.questions].sort((x, y) => Number(y.key === 'F3') - Number(x.key === 'F3')) }));
	for (const { s, questions } of order) {
		if (!evalCondition(s.showIf, answers)) continue;
		for (const q of questions) {
			if (!evalCondition(q.showIf, answers)) continue;
			if (!q.required && random() >= 0.9) continue;
			const value = patterned(q, answers, random, later) ?? generic(q, answers, random, later);
			if (value === undefined) continue;
			answers[q.key] = value;
			if ('options' in q) {
				const other = q.options.find((o) => o.other);
				const chosen = Array.isArray(value) ? value : [value];
				if (other && chosen.includes(other.code)) answers[otherKey(q.key)] = 'その他（合成データ）';
			}
		}
	}
	return answers;
}

/** The same as form values, for code that checks answers the way a submitted form is checked. */
export function syntheticValues(doc: Questionnaire, random: () => number, profile: SyntheticProfile = {}): FormValues {
	const values: FormValues = {};
	for (const [key, value] of Object.entries(syntheticAnswers(doc, random, profile))) {
		if (Array.isArray(value)) values[key] = value.map(String);
		else if (typeof value === 'object') for (const [row, code] of Object.entries(value)) values[`${key}.${row}`] = String(code);
		else values[key] = String(value);
	}
	return values;
}
