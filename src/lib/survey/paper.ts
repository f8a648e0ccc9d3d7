// Reads a paper questionnaire as a clerk types it (or as a row of a CSV of paper answers):
// the codes printed beside the choices, several separated by spaces or commas, numbers and
// texts as written, "?" for a mark that cannot be read (不明), and nothing for 無回答. Typing
// mistakes (a code that is not on the paper) are errors to fix; what the respondent did is
// recorded as it is: two marks on a single choice are 不明, answers to questions the
// conditions skipped are kept but flagged.
import type { Question, Questionnaire } from './schema';
import { storedAnswer, toAnswers, type StoredAnswer } from './stored-answers';
import { resolveVisibility } from './conditions';
import { parseNumber, textLimit } from './validate-answers';

export const UNREADABLE = '?';

/** A paper questionnaire to store: its answers, and the invitation code printed on it, if any. */
export interface PaperForm {
	answers: StoredAnswer[];
	invitation?: string;
}

/** Field names: the question key, or a matrix row's key; for "other" words, KEY_other. */
export type PaperEntry = Record<string, string>;

export interface PaperCheck {
	answers: StoredAnswer[];
	/** Problems by field name, in Japanese, for the clerk. */
	errors: Record<string, string>;
}

const codesIn = (raw: string) => raw.normalize('NFKC').split(/[\s,、，・]+/).filter(Boolean);

export function paperFields(doc: Questionnaire): { name: string; question: Question; label: string }[] {
	return doc.sections.flatMap((s) =>
		s.questions.flatMap((q) => [
			...(q.type === 'matrix'
				? q.rows.map((r) => ({ name: r.key, question: q, label: `${q.key} ${r.label.ja}` }))
				: [{ name: q.key, question: q, label: q.label.ja }]),
			...('options' in q && q.options.some((o) => o.other) ? [{ name: `${q.key}_other`, question: q, label: `${q.key} その他の内容` }] : [])
		])
	);
}

export function checkPaper(doc: Questionnaire, entry: PaperEntry): PaperCheck {
	const errors: Record<string, string> = {};
	const rows: StoredAnswer[] = [];
	const valid = ({ questionKey, ...fields }: Pick<StoredAnswer, 'questionKey'> & Partial<StoredAnswer>) => storedAnswer(questionKey, fields);
	const invalid = (questionKey: string, rowKey = '') => storedAnswer(questionKey, { rowKey, status: 'invalid' });

	for (const s of doc.sections)
		for (const q of s.questions) {
			const read = (name: string) => (entry[name] ?? '').trim();
			const codeOf = (name: string, raw: string): number | undefined => {
				const code = Number(raw);
				if (!('options' in q) || !q.options.some((o) => o.code === code)) {
					errors[name] = `「${raw}」は ${q.key} の選択肢の番号にありません。`;
					return undefined;
				}
				return code;
			};
			if (q.type === 'matrix') {
				for (const r of q.rows) {
					const raw = read(r.key);
					if (!raw) continue;
					const codes = codesIn(raw);
					if (raw === UNREADABLE || codes.length > 1) rows.push(invalid(q.key, r.key));
					else {
						const code = codeOf(r.key, codes[0]);
						if (code !== undefined) rows.push(valid({ questionKey: q.key, rowKey: r.key, code }));
					}
				}
				continue;
			}
			const raw = read(q.key);
			if (!raw) continue;
			if (raw === UNREADABLE) {
				rows.push(invalid(q.key));
				continue;
			}
			const other = read(`${q.key}_other`) || null;
			const otherCode = 'options' in q ? q.options.find((o) => o.other)?.code : undefined;
			switch (q.type) {
				case 'single':
				case 'dropdown': {
					const codes = codesIn(raw);
					if (codes.length > 1) {
						codes.forEach((c) => codeOf(q.key, c));
						if (!errors[q.key]) rows.push(invalid(q.key));
						break;
					}
					const code = codeOf(q.key, codes[0]);
					if (code !== undefined) rows.push(valid({ questionKey: q.key, code, text: code === otherCode ? other : null }));
					break;
				}
				case 'multiple': {
					const codes = [...new Set(codesIn(raw))].map((c) => codeOf(q.key, c));
					if (codes.some((c) => c === undefined)) break;
					for (const code of codes as number[]) rows.push(valid({ questionKey: q.key, code, text: code === otherCode ? other : null }));
					break;
				}
				case 'scale':
				case 'number': {
					const n = parseNumber(raw);
					const min = q.type === 'scale' ? q.min : q.min;
					const max = q.type === 'scale' ? q.max : q.max;
					if (n === undefined) errors[q.key] = `「${raw}」は数として読めません（読めない場合は ? と入力）。`;
					else if ((min !== undefined && n < min) || (max !== undefined && n > max))
						errors[q.key] = `${n} は ${q.key} の範囲（${min ?? ''}〜${max ?? ''}）の外です。読めない場合は ? と入力してください。`;
					else rows.push(valid({ questionKey: q.key, number: n }));
					break;
				}
				case 'text':
				case 'longtext':
					if (raw.length > textLimit(q)) errors[q.key] = `${textLimit(q)} 文字を超えています。`;
					else rows.push(valid({ questionKey: q.key, text: raw }));
					break;
			}
		}

	// Answers to questions the conditions would have skipped are kept, and flagged.
	const { questions: visible } = resolveVisibility(doc, toAnswers(doc, rows));
	for (const r of rows) if (!visible.has(r.questionKey)) r.skipped = 1;
	return { answers: rows, errors };
}
