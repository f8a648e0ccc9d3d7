// A questionnaire version as JSON or as the spreadsheet CSV (designers). Importing either
// gives the same questionnaire back.
import { error, type RequestHandler } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import * as audit from '$lib/server/audit';
import { designerSurvey } from '$lib/server/survey-guard';
import { questionnaireToCsv } from '$lib/survey/sheet';
import { checkQuestionnaire } from '$lib/survey/check-document';
import { surveyDay } from '$lib/server/today';

export const GET: RequestHandler = (event) => {
	const { user, survey } = designerSurvey(event);
	// Without ?version=, the newest version (the draft if there is one).
	const asked = event.url.searchParams.get('version');
	const versionId = asked
		? Number(asked)
		: (db().prepare('SELECT id FROM survey_version WHERE survey_id = ? ORDER BY version DESC LIMIT 1').pluck().get(survey.id) as number);
	const format = event.url.searchParams.get('format') === 'csv' ? 'csv' : 'json';
	const row = db()
		.prepare('SELECT version, document FROM survey_version WHERE id = ? AND survey_id = ?')
		.get(versionId, survey.id) as { version: number; document: string } | undefined;
	if (!row) error(404, 'その版はありません。');
	const document = JSON.parse(row.document);
	const checked = checkQuestionnaire(document);
	if (format === 'csv' && !checked.ok)
		error(409, 'この下書きには問題があるため CSV にできません。JSON でダウンロードするか、問題を直してください。');
	audit.record(db(), user, 'export.questionnaire', `survey:${survey.slug}`, { version: row.version, format });
	const name = `${survey.slug}_v${row.version}_${surveyDay()}`;
	const body = checked.ok && format === 'csv' ? questionnaireToCsv(checked.doc) : JSON.stringify(document, null, '\t');
	return new Response(body, {
		headers: {
			'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
			'Content-Disposition': `attachment; filename="${name}.${format}"`
		}
	});
};
