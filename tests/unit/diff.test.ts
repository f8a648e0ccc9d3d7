import { describe, expect, it } from 'vitest';
import { diffQuestionnaires } from '../../src/lib/survey/diff';
import { bundled } from './support/questionnaires';

const find = (doc: ReturnType<typeof bundled>, key: string) => doc.sections.flatMap((s) => s.questions).find((q) => q.key === key)!;

describe('the change list between two versions', () => {
	it('is empty for the same questionnaire', () => {
		expect(diffQuestionnaires(bundled(), bundled())).toEqual([]);
	});

	it('lists added and removed questions and options, and a changed condition', () => {
		const before = bundled();
		const after = bundled();
		after.sections[6].questions.push({ key: 'W2', type: 'scale', label: { ja: '幸福度' }, min: 0, max: 10 });
		after.sections[5].questions = after.sections[5].questions.filter((q) => q.key !== 'C0');
		const g3 = find(after, 'G3');
		if ('options' in g3) g3.options.push({ code: 9, label: { ja: '図書館の予約' } });
		find(after, 'D3').showIf = { all: [{ question: 'D2', op: 'oneOf', values: [3, 4, 5] }] };
		const changes = diffQuestionnaires(before, after);
		expect(changes.map((c) => [c.kind, c.key, c.breaks])).toEqual([
			['added', 'W2', false],
			['removed', 'C0', false],
			['changed', 'D3', false],
			['added', 'G3', false]
		]);
		expect(changes[2].message).toContain('D2 in 4,5 → D2 in 3,4,5');
	});

	it('warns when an option code is re-used with another meaning', () => {
		const after = bundled();
		const c2 = find(after, 'C2');
		if ('options' in c2) c2.options[3].label = { ja: '分からない' };
		const [change] = diffQuestionnaires(bundled(), after);
		expect(change).toMatchObject({ kind: 'changed', key: 'C2', breaks: true });
		expect(change.message).toContain('選択肢 4 の意味が変わりました（「必要ない」→「分からない」）');
	});

	it('warns when a key is used for another kind of question, or a scale or matrix row changes', () => {
		const after = bundled();
		Object.assign(find(after, 'W1'), { min: 1, max: 5 });
		const t1 = find(after, 'T1');
		if (t1.type === 'matrix') t1.rows[0].label = { ja: '行政サービスが便利になる' };
		const sections = after.sections.find((s) => s.key === 'G')!;
		sections.questions[0] = { key: 'G1', type: 'text', label: { ja: 'マイナンバーカードについて' } };
		const changes = diffQuestionnaires(bundled(), after);
		expect(changes.filter((c) => c.breaks).map((c) => c.key)).toEqual(['G1', 'T1', 'W1']);
	});
});
