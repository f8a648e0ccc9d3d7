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

export const POST: RequestHandler = async (event) => {
	const { user, survey } = designerSurvey(event);
	const typed = String((await readForm(event.request, STAFF_DOCUMENT_FORM)).get('codes') ?? '').split(/\s+/).filter(Boolean);
	const codes = typed.map(normalizeCode);
	if (!codes.length || codes.length > invitations.MAX_BATCH || codes.some((c) => !c))
		error(400, '招待コードが読み取れませんでした。');
	if (invitations.stillValid(db(), survey.id, codes as string[]).length !== codes.length)
		error(409, 'この調査のまだ使われていない招待コードだけをダウンロードできます。');
	audit.record(db(), user, 'export.invitations', `survey:${survey.slug}`, { count: codes.length });
	const rows = (codes as string[]).map((c) => [formatCode(c), invitationUrl(event.url.origin, survey.slug, c)]);
	const name = `${survey.slug}_invitations_${surveyDay()}.csv`;
	return new Response(toCsv(['招待コード', '回答用アドレス'], rows), {
		headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}"` }
	});
};
