// Changing a question's type keeps what still applies and adds what the new type needs.
import type { Question, QuestionType } from '$lib/survey/schema';

export const TYPE_NAMES: Record<QuestionType, string> = {
	single: '単一選択（ラジオボタン）',
	multiple: '複数選択（チェックボックス）',
	dropdown: 'プルダウン',
	scale: '尺度（0〜10 など）',
	matrix: 'マトリクス（行ごとに同じ選択肢）',
	text: '短い文章',
	longtext: '長い文章',
	number: '数値'
};

/** The same, without the explanation in brackets: 単一選択, マトリクス (for the outline). */
export const TYPE_SHORT_NAMES = Object.fromEntries(
	Object.entries(TYPE_NAMES).map(([type, name]) => [type, name.replace(/（.*）$/, '')])
) as Record<QuestionType, string>;

export function changeType(q: Question, type: QuestionType): Question {
	const { key, label, help, required, showIf, tags } = q;
	const base = Object.fromEntries(
		Object.entries({ key, label, help, required, showIf, tags }).filter(([, v]) => v !== undefined)
	) as Pick<Question, 'key' | 'label'>;
	const options =
		'options' in q && q.options.length >= 2
			? q.options.map((o) => ({ code: o.code, label: o.label }))
			: [
					{ code: 1, label: { ja: 'はい' } },
					{ code: 2, label: { ja: 'いいえ' } }
				];
	switch (type) {
		case 'single':
		case 'dropdown':
		case 'multiple':
			return { ...base, type, options };
		case 'matrix':
			return { ...base, type, rows: q.type === 'matrix' ? q.rows : [{ key: `${key}_1`, label: { ja: '' } }], options };
		case 'scale':
			return { ...base, type, min: 0, max: 10 };
		case 'number':
			return { ...base, type };
		case 'text':
		case 'longtext':
			return { ...base, type };
	}
}
