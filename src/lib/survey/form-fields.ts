// The fields a questionnaire's form posts: their names, how many one filling-in can send and
// how long a value can be. The server reads a resident's post with these, so it skips any
// field the questionnaire does not know and refuses a body no real form could make.
import type { Questionnaire } from './schema';
import { otherKey } from './answers';
import { textLimit, type FormValues } from './validate-answers';

/** The form's own fields, beside the answers. */
export const CONTROL_FIELDS = ['consent', 'submissionKey', 'versionId', 'lang', 'invitation', 'intent'] as const;

/** The answers among a form's values, without its own fields. */
export function answersOnly(values: FormValues): FormValues {
	const control = new Set<string>(CONTROL_FIELDS);
	return Object.fromEntries(Object.entries(values).filter(([name]) => !control.has(name)));
}

export interface FormShape {
	names: Set<string>;
	/** Fields one post can carry: every checkbox ticked, every text filled. */
	maxFields: number;
	/** The longest value one field takes, in characters. */
	maxLength: number;
}

export function formShape(doc: Questionnaire): FormShape {
	const names = new Set<string>(CONTROL_FIELDS);
	let maxFields = CONTROL_FIELDS.length;
	let maxLength = 100;
	for (const section of doc.sections)
		for (const q of section.questions) {
			if (q.type === 'matrix') {
				for (const row of q.rows) names.add(`${q.key}.${row.key}`);
				maxFields += q.rows.length;
				continue;
			}
			names.add(q.key);
			maxFields += q.type === 'multiple' ? q.options.length : 1;
			maxLength = Math.max(maxLength, textLimit(q));
			if ('options' in q && q.options.some((o) => o.other)) {
				names.add(otherKey(q.key));
				maxFields += 1;
			}
		}
	return { names, maxFields, maxLength };
}

/** The shape that reads a post made on any of these versions of one survey. */
export function unionShape(shapes: FormShape[]): FormShape {
	const names = new Set<string>();
	for (const s of shapes) for (const n of s.names) names.add(n);
	return {
		names,
		maxFields: Math.max(...shapes.map((s) => s.maxFields)),
		maxLength: Math.max(...shapes.map((s) => s.maxLength))
	};
}
