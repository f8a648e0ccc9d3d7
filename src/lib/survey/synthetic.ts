// Synthetic answers for demonstrations and benchmarks: a seeded generator that fills any
// questionnaire with valid answers, with plausible patterns for the digital-level survey
// (internet use falls with age; non-users are older). Never presented as real data: responses
// made from it are stored with synthetic = 1.
import type { Question, Questionnaire } from './schema';
import type { FormValues } from './validate-answers';
import { otherKey } from './answers';
import { evalCondition } from './conditions';
import { checkAnswers } from './validate-answers';

/** mulberry32: small, fast, and the same sequence for the same seed. */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)];

function choose(q: Question, random: () => number, values: FormValues): void {
	// Patterns of the bundled survey, by stable key.
	const age = Number(values.F1 ?? 5);
	if (q.key === 'D2') {
		const p = random() + (age - 5) * 0.12;
		values.D2 = String(p < 0.6 ? 1 : p < 0.75 ? 2 : p < 0.85 ? 3 : p < 1.05 ? 4 : 5);
		return;
	}
	switch (q.type) {
		case 'single':
		case 'dropdown': {
			const o = pick(random, q.options);
			values[q.key] = String(o.code);
			if (o.other) values[otherKey(q.key)] = 'その他の理由';
			return;
		}
		case 'multiple': {
			const normal = q.options.filter((o) => !o.exclusive);
			const none = q.options.find((o) => o.exclusive);
			// Younger residents do more of the listed activities.
			const rate = q.key.startsWith('A') ? Math.max(0.1, 0.75 - (age - 1) * 0.06) : 0.35;
			let chosen = normal.filter(() => random() < rate);
			if (q.maxSelect) chosen = chosen.slice(0, q.maxSelect);
			if (!chosen.length && none) chosen = [none];
			if (!chosen.length) chosen = [normal[0]];
			values[q.key] = chosen.map((o) => String(o.code));
			if (chosen.some((o) => o.other)) values[otherKey(q.key)] = 'その他の内容';
			return;
		}
		case 'matrix':
			for (const r of q.rows) values[`${q.key}.${r.key}`] = String(pick(random, q.options).code);
			return;
		case 'scale':
			values[q.key] = String(Math.round(q.min + (q.max - q.min) * (0.3 + random() * 0.6)));
			return;
		case 'number':
			values[q.key] = String(Math.round((q.min ?? 0) + random() * ((q.max ?? 100) - (q.min ?? 0))));
			return;
		case 'text':
		case 'longtext':
			if (random() < 0.2) values[q.key] = pick(random, ['特になし', 'スマホ教室を増やしてほしい', '紙の手続きも残してほしい']);
	}
}

/** One synthetic respondent's form values; conditions are honoured, so nothing hidden is filled. */
export function syntheticValues(doc: Questionnaire, random: () => number): FormValues {
	const values: FormValues = {};
	for (const section of doc.sections) {
		if (!evalCondition(section.showIf, checkAnswers(doc, values).answers)) continue;
		for (const q of section.questions) {
			if (!evalCondition(q.showIf, checkAnswers(doc, values).answers)) continue;
			if (q.required || random() < 0.9) choose(q, random, values);
		}
	}
	return values;
}
