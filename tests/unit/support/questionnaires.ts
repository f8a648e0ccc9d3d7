// Small questionnaires for unit tests, built from the bundled one or by hand.
import template from '../../../src/lib/survey/templates/digital-level-2022.json';
import type { Questionnaire } from '../../../src/lib/survey/schema';

/** A fresh deep copy of the bundled 2022 questionnaire, safe to change in a test. */
export const bundled = (): Questionnaire => structuredClone(template) as Questionnaire;

const text = (ja: string) => ({ ja });

/** Five questions of different types, with a condition, for focused tests. */
export function small(): Questionnaire {
	return {
		format: 1,
		title: text('テスト'),
		languages: ['ja'],
		consent: {
			purpose: text('目的'),
			stored: text('保存'),
			notStored: text('保存しない'),
			access: text('閲覧'),
			retention: text('期間'),
			publication: text('公表'),
			voluntary: text('任意'),
			contact: text('連絡先'),
			agree: text('同意します')
		},
		sections: [
			{
				key: 'S1',
				title: text('一'),
				questions: [
					{
						key: 'Q1',
						type: 'single',
						label: text('使いますか'),
						required: true,
						options: [
							{ code: 1, label: text('はい') },
							{ code: 2, label: text('いいえ') },
							{ code: 9, label: text('その他'), other: true }
						]
					},
					{
						key: 'Q2',
						type: 'multiple',
						label: text('何を'),
						required: true,
						showIf: { all: [{ question: 'Q1', op: 'equals', value: 1 }] },
						maxSelect: 2,
						options: [
							{ code: 1, label: text('A') },
							{ code: 2, label: text('B') },
							{ code: 3, label: text('C') },
							{ code: 4, label: text('なし'), exclusive: true }
						]
					},
					{
						key: 'Q3',
						type: 'number',
						label: text('人数'),
						min: 0,
						max: 20,
						integer: true
					}
				]
			},
			{
				key: 'S2',
				title: text('二'),
				questions: [
					{
						key: 'Q4',
						type: 'matrix',
						label: text('評価'),
						required: true,
						rows: [
							{ key: 'Q4_1', label: text('行1') },
							{ key: 'Q4_2', label: text('行2') }
						],
						options: [
							{ code: 1, label: text('良い') },
							{ code: 2, label: text('悪い') }
						]
					},
					{ key: 'Q5', type: 'longtext', label: text('ご意見') },
					{ key: 'Q6', type: 'scale', label: text('満足度'), min: 0, max: 10 }
				]
			}
		]
	};
}

/**
 * A questionnaire for reference data (tests/reference/*.csv): one single choice per entry of
 * `singles`, with that many options coded 1… and labelled 区分1…, then any other questions.
 */
export function referenceDoc(singles: Record<string, number>, others: object[] = []): Questionnaire {
	const options = (n: number) => Array.from({ length: n }, (_, i) => ({ code: i + 1, label: text(`区分${i + 1}`) }));
	const questions = [...Object.entries(singles).map(([key, n]) => ({ key, type: 'single', label: text(key), options: options(n) })), ...others];
	return { title: text('参照データ'), languages: ['ja'], sections: [{ key: 'S', title: text('S'), questions }] } as unknown as Questionnaire;
}
