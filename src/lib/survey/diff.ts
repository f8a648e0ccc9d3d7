// What changed between two versions of a questionnaire, in the words a designer reads before
// publishing, with a warning where a change breaks comparison with earlier answers: a code
// that now means something else, or a key now used for another kind of question.
import type { Question, Questionnaire, Text } from './schema';
import { conditionToText } from './sheet-conditions';

export interface Change {
	kind: 'added' | 'removed' | 'changed';
	/** The question (or section) key it concerns. */
	key: string;
	message: string;
	/** True when answers before and after can no longer be compared as they are. */
	breaks: boolean;
}

const questionsOf = (doc: Questionnaire) =>
	new Map(doc.sections.flatMap((s) => s.questions.map((q): [string, Question] => [q.key, q])));
/** The same words in every language (a translator's record of checking them changes none). */
const same = (a: Text | undefined, b: Text | undefined) => a?.ja === b?.ja && a?.easy === b?.easy && a?.en === b?.en;

export function diffQuestionnaires(before: Questionnaire, after: Questionnaire): Change[] {
	const changes: Change[] = [];
	const add = (kind: Change['kind'], key: string, message: string, breaks = false) =>
		changes.push({ kind, key, message, breaks });

	const oldSections = new Map(before.sections.map((s) => [s.key, s]));
	const newSections = new Map(after.sections.map((s) => [s.key, s]));
	for (const s of after.sections)
		if (!oldSections.has(s.key)) add('added', s.key, `セクション「${s.title.ja}」（${s.key}）を追加`);
	for (const s of before.sections)
		if (!newSections.has(s.key)) add('removed', s.key, `セクション「${s.title.ja}」（${s.key}）を削除`);

	const oldQs = questionsOf(before);
	const newQs = questionsOf(after);
	for (const [key, q] of newQs) if (!oldQs.has(key)) add('added', key, `設問 ${key}「${q.label.ja}」を追加`);
	for (const [key, q] of oldQs) if (!newQs.has(key)) add('removed', key, `設問 ${key}「${q.label.ja}」を削除`);

	for (const [key, was] of oldQs) {
		const now = newQs.get(key);
		if (!now) continue;
		if (was.type !== now.type) {
			add('changed', key, `設問 ${key} の種類を変更（${was.type} → ${now.type}）。同じキーが別の種類の設問に使われるため、前の版の回答とそのまま比べられません。`, true);
			continue;
		}
		if (!same(was.label, now.label)) add('changed', key, `設問 ${key} の文言を変更（「${was.label.ja}」→「${now.label.ja}」）`);
		if (!!was.required !== !!now.required) add('changed', key, `設問 ${key} を${now.required ? '必須に' : '任意に'}変更`);
		const cond = (q: Question) => (q.showIf ? conditionToText(q.showIf) : '');
		if (cond(was) !== cond(now)) add('changed', key, `設問 ${key} の表示条件を変更（${cond(was) || 'なし'} → ${cond(now) || 'なし'}）。答える人の範囲が変わります。`);
		if ('options' in was && 'options' in now) {
			const oldCodes = new Map(was.options.map((o) => [o.code, o]));
			const newCodes = new Map(now.options.map((o) => [o.code, o]));
			for (const [code, o] of newCodes) {
				const prev = oldCodes.get(code);
				if (!prev) add('added', key, `設問 ${key} に選択肢 ${code}「${o.label.ja}」を追加`);
				else if (prev.label.ja !== o.label.ja)
					add('changed', key, `設問 ${key} の選択肢 ${code} の意味が変わりました（「${prev.label.ja}」→「${o.label.ja}」）。同じ番号が別の意味で使われるため、前の版の回答と比べられません。`, true);
				else if (!same(prev.label, o.label)) add('changed', key, `設問 ${key} の選択肢 ${code} の翻訳を変更`);
			}
			for (const [code, o] of oldCodes)
				if (!newCodes.has(code)) add('removed', key, `設問 ${key} の選択肢 ${code}「${o.label.ja}」を削除`);
		}
		if (was.type === 'matrix' && now.type === 'matrix') {
			const oldRows = new Map(was.rows.map((r) => [r.key, r]));
			for (const r of now.rows) {
				const prev = oldRows.get(r.key);
				if (!prev) add('added', key, `設問 ${key} に行 ${r.key}「${r.label.ja}」を追加`);
				else if (prev.label.ja !== r.label.ja)
					add('changed', key, `設問 ${key} の行 ${r.key} の内容が変わりました（「${prev.label.ja}」→「${r.label.ja}」）。前の版の回答と比べられません。`, true);
			}
			for (const r of was.rows)
				if (!now.rows.some((x) => x.key === r.key)) add('removed', key, `設問 ${key} の行 ${r.key}「${r.label.ja}」を削除`);
		}
		if (was.type === 'scale' && now.type === 'scale' && (was.min !== now.min || was.max !== now.max))
			add('changed', key, `設問 ${key} の尺度を変更（${was.min}〜${was.max} → ${now.min}〜${now.max}）。前の版の回答と比べられません。`, true);
	}
	return changes;
}
