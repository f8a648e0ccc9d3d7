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

/** A survey's paper questionnaires, by how they came in. */
export interface PaperCounts {
	/** Typed in on the entry page, today's waiting for their batch included. */
	typed: number;
	/** Imported from a CSV, likewise. */
	imported: number;
	/** Synthetic demonstration responses made as if from paper (never real answers). */
	synthetic: number;
}

/** Paper questionnaires taken for a survey, by channel, the synthetic demo ones apart. */
export function paperCounts(surveyId: number): PaperCounts {
	const counts: PaperCounts = { typed: 0, imported: 0, synthetic: 0 };
	const stored = db()
		.prepare(
			`SELECT r.channel, r.synthetic, count(*) AS n FROM response r JOIN survey_version v ON v.id = r.survey_version_id
			 WHERE v.survey_id = ? AND r.channel IN ('paper', 'import') GROUP BY r.channel, r.synthetic`
		)
		.all(surveyId) as { channel: 'paper' | 'import'; synthetic: 0 | 1; n: number }[];
	for (const { channel, synthetic, n } of stored) counts[synthetic ? 'synthetic' : channel === 'paper' ? 'typed' : 'imported'] += n;
	// The pool holds only real responses (the demo writes straight to the table).
	for (const r of pool.pooled(db(), surveyId)) if (r.channel !== 'web') counts[r.channel === 'paper' ? 'typed' : 'imported'] += 1;
	return counts;
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
