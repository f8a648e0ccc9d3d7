// Demo and benchmark answers stand in for residents': each is one the questionnaire could have
// received, so every figure, export and script made from them holds only its own codes.
import { describe, expect, it } from 'vitest';
import template from '../../src/lib/survey/templates/digital-level-2022.json';
import type { Questionnaire } from '../../src/lib/survey/schema';
import { syntheticAnswers } from '../../src/lib/survey/synthetic';
import { seededRandom } from '../../src/lib/seeded-random';

const doc = template as Questionnaire;

describe('synthetic answers', () => {
	it('use only the codes of each question, the district’s わからない (99) included', () => {
		const random = seededRandom(18);
		const districts = new Set<unknown>();
		const codes = new Map(doc.sections.flatMap((s) => s.questions).filter((q) => 'options' in q).map((q) => [q.key, new Set((q as { options: { code: number }[] }).options.map((o) => o.code))]));
		for (let i = 0; i < 3000; i++) {
			const answers = syntheticAnswers(doc, random);
			districts.add(answers.F3);
			for (const [key, allowed] of codes) {
				const value = answers[key];
				if (value === undefined) continue;
				const given = Array.isArray(value) ? value : typeof value === 'object' ? Object.values(value as object) : [value];
				for (const code of given) expect(allowed.has(code as number), `${key} = ${code}`).toBe(true);
			}
		}
		expect(districts.has(99)).toBe(true);
		expect(districts.has(22)).toBe(false);
	});
});
