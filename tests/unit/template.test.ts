import { describe, expect, it } from 'vitest';
import template from '../../src/lib/survey/templates/digital-level-2022.json';
import { checkQuestionnaire } from '../../src/lib/survey/check-document';
import { allQuestions } from '../../src/lib/survey/conditions';

describe('the bundled 2022 digital-level questionnaire', () => {
	it('is valid under the schema', () => {
		const result = checkQuestionnaire(template);
		if (!result.ok) console.log(result.problems);
		expect(result.ok).toBe(true);
	});

	it('has the question keys the spec names, in order', () => {
		const result = checkQuestionnaire(template);
		if (!result.ok) throw new Error('invalid');
		expect(allQuestions(result.doc).map((q) => q.key)).toEqual([
			'F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'D1', 'D2', 'D3', 'A1', 'A2', 'A3', 'A4', 'A5',
			'G1', 'G2', 'G3', 'T1', 'T2', 'T3', 'C0', 'C1', 'C2', 'C3', 'C4', 'W1'
		]);
	});

	it('offers the 21 districts and わからない', () => {
		const result = checkQuestionnaire(template);
		if (!result.ok) throw new Error('invalid');
		const f3 = allQuestions(result.doc).find((q) => q.key === 'F3');
		expect(f3 && 'options' in f3 ? f3.options.length : 0).toBe(22);
	});

	it('has every label in all three languages', () => {
		const missing: string[] = [];
		const walk = (node: unknown, path: string) => {
			if (Array.isArray(node)) node.forEach((n, i) => walk(n, `${path}[${i}]`));
			else if (node && typeof node === 'object') {
				const obj = node as Record<string, unknown>;
				if (typeof obj.ja === 'string' && !path.startsWith('.index') && (!obj.easy || !obj.en)) missing.push(path);
				for (const [k, v] of Object.entries(obj)) walk(v, `${path}.${k}`);
			}
		};
		walk(template, '');
		expect(missing).toEqual([]);
	});
});
