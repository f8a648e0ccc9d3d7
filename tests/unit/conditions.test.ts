import { describe, expect, it } from 'vitest';
import { evalCondition, resolveVisibility } from '../../src/lib/survey/conditions';
import { describeCondition } from '../../src/lib/survey/describe-condition';
import type { Condition } from '../../src/lib/survey/schema';
import type { Answers } from '../../src/lib/survey/answers';
import { conditionMask } from '../../src/lib/analytics/dataset';
import { bundled, small } from './support/questionnaires';
import { datasetOf } from './support/dataset';

// One table of cases, run against both ways of testing a condition: on one resident's answers
// (the form) and on the columns of every response (the results), loaded through the stored form.
describe('conditions, on the form and in the results', () => {
	const answers: Answers = { Q1: 2, Q2: [1, 3], Q3: 5, Q4: { Q4_1: 2 }, Q5: '  ' };
	const others: Answers[] = [{}, { Q1: 9, 'Q1.other': 'バス', Q3: 0, Q4: { Q4_2: 1 }, Q5: '意見' }, { Q2: [4], Q4: { Q4_1: 1, Q4_2: 2 } }];
	const cases: [Condition, boolean][] = [
		[{ all: [{ question: 'Q1', op: 'equals', value: 2 }] }, true],
		[{ all: [{ question: 'Q1', op: 'equals', value: 1 }] }, false],
		[{ all: [{ question: 'Q2', op: 'equals', value: 3 }] }, true],
		[{ all: [{ question: 'Q2', op: 'oneOf', values: [2, 3] }] }, true],
		[{ all: [{ question: 'Q2', op: 'oneOf', values: [2, 4] }] }, false],
		[{ all: [{ question: 'Q2', op: 'noneOf', values: [2, 4] }] }, true],
		[{ all: [{ question: 'Q2', op: 'noneOf', values: [1] }] }, false],
		[{ all: [{ question: 'Q9', op: 'noneOf', values: [1] }] }, true],
		[{ all: [{ question: 'Q9', op: 'oneOf', values: [1] }] }, false],
		[{ all: [{ question: 'Q3', op: 'gt', value: 4 }] }, true],
		[{ all: [{ question: 'Q3', op: 'gte', value: 5 }] }, true],
		[{ all: [{ question: 'Q3', op: 'lt', value: 5 }] }, false],
		[{ all: [{ question: 'Q3', op: 'lte', value: 5 }] }, true],
		[{ all: [{ question: 'Q9', op: 'lt', value: 5 }] }, false],
		[{ all: [{ question: 'Q4', row: 'Q4_1', op: 'equals', value: 2 }] }, true],
		[{ all: [{ question: 'Q4', row: 'Q4_2', op: 'answered' }] }, false],
		[{ all: [{ question: 'Q5', op: 'answered' }] }, false],
		[{ all: [{ question: 'Q5', op: 'notAnswered' }] }, true],
		[{ all: [{ question: 'Q1', op: 'equals', value: 2 }, { question: 'Q3', op: 'gt', value: 9 }] }, false],
		[{ any: [{ question: 'Q1', op: 'equals', value: 1 }, { question: 'Q3', op: 'gt', value: 4 }] }, true],
		[{ any: [{ question: 'Q1', op: 'equals', value: 1 }, { all: [{ question: 'Q3', op: 'gt', value: 4 }, { question: 'Q2', op: 'equals', value: 1 }] }] }, true],
		// A whole matrix is answered when any row is (the results once said it was shown to nobody).
		[{ all: [{ question: 'Q4', op: 'answered' }] }, true],
		[{ all: [{ question: 'Q4', op: 'notAnswered' }] }, false],
		[{ all: [{ question: 'Q4', op: 'equals', value: 2 }] }, false],
		[{ all: [{ question: 'Q4', op: 'noneOf', values: [2] }] }, true],
		[{ all: [{ question: 'Q4', row: 'Q4_1', op: 'oneOf', values: [1, 2] }] }, true],
		[{ all: [{ question: 'Q4', row: 'Q4_1', op: 'gte', value: 2 }] }, true],
		// A single choice's code compares as a number, as on the form.
		[{ all: [{ question: 'Q1', op: 'gt', value: 1 }] }, true],
		[{ all: [{ question: 'Q1', op: 'lte', value: 1 }] }, false],
		[{ all: [{ question: 'Q3', op: 'equals', value: 5 }] }, true],
		[{ all: [{ question: 'Q3', op: 'oneOf', values: [4, 5] }] }, true],
		[{ all: [{ question: 'Q3', op: 'noneOf', values: [5] }] }, false],
		[{ all: [{ question: 'Q2', op: 'gt', value: 0 }] }, false],
		[{ all: [{ question: 'Q2', op: 'answered' }] }, true],
		[{ all: [{ question: 'Q5', op: 'noneOf', values: [1] }] }, true],
		[{ all: [{ question: 'Q9', op: 'notAnswered' }] }, true]
	];
	it.each(cases)('%j is %s on the form', (condition, expected) => {
		expect(evalCondition(condition, answers)).toBe(expected);
	});
	it.each(cases)('%j agrees in the results', (condition) => {
		const responses = [answers, ...others];
		const data = datasetOf(small(), responses.map((a) => ({ answers: a })));
		expect([...conditionMask(data, condition)]).toEqual(responses.map((a) => (evalCondition(condition, a) ? 1 : 0)));
	});
});

describe('resolveVisibility', () => {
	it('hides a question and drops its answer when its condition fails', () => {
		const v = resolveVisibility(small(), { Q1: 2, Q2: [1] });
		expect(v.questions.has('Q2')).toBe(false);
		expect(v.effective).toEqual({ Q1: 2 });
	});

	it('collapses chains: a question that depends on a hidden one is hidden too', () => {
		const doc = bundled();
		// T3 depends on T2; section A depends on D2. A non-user's section A answers are dropped.
		const v = resolveVisibility(doc, { D2: 5, A1: [1], T2: 1, T3: [1] });
		expect(v.sections.has('A')).toBe(false);
		expect(v.questions.has('A1')).toBe(false);
		expect(v.questions.has('T3')).toBe(false);
		expect(v.effective).toEqual({ D2: 5, T2: 1 });
	});

	it('keeps the "other" text with a visible question', () => {
		const v = resolveVisibility(bundled(), { D2: 4, D3: [7], 'D3.other': '時間がない' });
		expect(v.effective['D3.other']).toBe('時間がない');
	});
});

describe('describeCondition', () => {
	it('writes a condition in words for each language', () => {
		const doc = bundled();
		const d3 = doc.sections[1].questions[2];
		expect(describeCondition(doc, d3.showIf!, 'ja')).toBe('D2で「ほとんど使わない」「使ったことがない」と答えた方');
		expect(describeCondition(doc, d3.showIf!, 'en')).toBe('you answered “Hardly ever” or “Never” to D2');
		expect(describeCondition(doc, { any: [{ question: 'F1', op: 'answered' }, { question: 'W1', op: 'gte', value: 5 }] }, 'ja')).toBe(
			'F1に答えた方、またはW1で5以上の値を答えた方'
		);
	});
});
