// The codes of a batch just issued as CSV, for a mail merge (designers). The server keeps no
// codes, only their hashes, so the page that showed them sends them back here to be written
// out; only codes issued for this survey and not yet used are accepted.
import { error, type RequestHandler } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import * as audit from '$lib/server/audit';
import * as invitations from '$lib/server/invitations';
import { invitationUrl } from '$lib/server/invitation-letters';
import { designerSurvey } from '$lib/server/survey-guard';
import { toCsv } from '$lib/csv';
import { formatCode, normalizeCode } from '$lib/survey/invitation-code';
import { surveyDay } from '$lib/server/today';
import { readForm, STAFF_DOCUMENT_FORM } from '$lib/server/form-body';
import { formObject, requireForm, text } from '$lib/server/form-schema';

const UNREADABLE = '招待コードが読み取れませんでした。';

/** The codes the page sends back, one per line (or separated by spaces), each read leniently. */
const codesForm = formObject({
	codes: text().transform((typed, ctx) => {
		const codes = typed.split(/\s+/).filter(Boolean).map(normalizeCode);
		if (codes.length && codes.length <= invitations.MAX_BATCH && codes.every((c) => c !== undefined)) return codes as string[];
		ctx.issues.push({ code: 'custom', message: UNREADABLE, input: typed });
		return [];
	})
});

export const POST: RequestHandler = async (event) => {
	const { user, survey } = designerSurvey(event);
	const { codes } = requireForm(await readForm(event.request, STAFF_DOCUMENT_FORM), codesForm);
	if (invitations.stillValid(db(), survey.id, codes).length !== codes.length)
		error(409, 'この調査のまだ使われていない招待コードだけをダウンロードできます。');
	audit.record(db(), user, 'export.invitations', `survey:${survey.slug}`, { count: codes.length });
	const rows = codes.map((c) => [formatCode(c), invitationUrl(event.url.origin, survey.slug, c)]);
	const name = `${survey.slug}_invitations_${surveyDay()}.csv`;
	return new Response(toCsv(['招待コード', '回答用アドレス'], rows), {
		headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}"` }
	});
};
