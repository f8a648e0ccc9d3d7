// How paper responses are counted and stored, with the invitation code printed on a mailed
// questionnaire when the survey requires codes: used up with the response, so the same
// household cannot answer once on paper and once more on the web.
import { db } from './db';
import * as responses from './responses';
import * as invitations from './invitations';
import * as pool from './response-pool';
import { surveyDay } from './today';
import { INVITATION_FIELD, normalizeCode } from '$lib/survey/invitation-code';
import type { PaperForm } from '$lib/survey/paper';
import { csvRow, type ImportProblem } from '$lib/survey/paper-import';

/** Paper questionnaires taken for a survey: stored, and today's still waiting for their batch. */
export function paperCount(surveyId: number): number {
	const waiting = pool.pooled(db(), surveyId).filter((r) => r.channel !== 'web').length;
	return waiting + (db()
		.prepare(
			`SELECT count(*) FROM response r JOIN survey_version v ON v.id = r.survey_version_id
			 WHERE v.survey_id = ? AND r.channel IN ('paper', 'import')`
		)
		.pluck()
		.get(surveyId) as number);
}

const CODE_PROBLEMS: Record<invitations.CodeState, string | undefined> = {
	valid: undefined,
	malformed: '招待コードは 12 けたの数字です。',
	unknown: 'この調査の招待コードにありません（無効にしたコードかもしれません）。',
	used: 'この招待コードはすでに回答に使われています（Web で回答済みか、入力済みの調査票です）。二重の回答にならないよう、入力せずに担当者へ確認してください。'
};

/** What is wrong with a typed invitation code, for the clerk; undefined when it can be used. */
export const invitationProblem = (surveyId: number, typed: string): string | undefined =>
	CODE_PROBLEMS[invitations.check(db(), surveyId, typed)];

/** Problems with the codes of a CSV's questionnaires: each as above, and a code on two of them. */
export function invitationProblems(surveyId: number, forms: PaperForm[]): ImportProblem[] {
	const seen = new Map<string, number>();
	const problems: ImportProblem[] = [];
	forms.forEach(({ invitation }, index) => {
		if (!invitation) return;
		const digits = normalizeCode(invitation);
		const first = digits === undefined ? undefined : seen.get(digits);
		const message = first !== undefined ? `この招待コードは ${csvRow(first)} 行目にもあります。` : invitationProblem(surveyId, invitation);
		if (message) problems.push({ row: csvRow(index), column: INVITATION_FIELD, message });
		if (digits !== undefined && first === undefined) seen.set(digits, index);
	});
	return problems;
}

/** Thrown when a code was used (on the web, say) between the check and the storing. */
export class InvitationTaken extends Error {
	constructor(readonly index: number) {
		super(`invitation code of form ${index} can no longer be used`);
	}
}

/** Stores paper responses (one or many) in one transaction: all of them or none. */
export function storePaper(surveyId: number, versionId: number, forms: PaperForm[], channel: 'paper' | 'import'): number {
	const day = surveyDay();
	db().transaction(() => {
		forms.forEach(({ answers, invitation }, i) => {
			const stored = responses.store(db(), { surveyId, versionId, answers, channel, language: 'ja', day, invitation });
			if (!stored.stored) throw new InvitationTaken(i);
		});
	})();
	return forms.length;
}
