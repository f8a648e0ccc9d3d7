// The CSV download itself (analysts), streamed; every download is written to the audit log,
// with the choices it was made with (synthetic responses left out or not among them).
import { error, type RequestHandler } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import * as audit from '$lib/server/audit';
import { analystSurvey } from '$lib/server/survey-guard';
import { cp932Problems, exportFileName, exportStream } from '$lib/server/data-export';
import { exportChoiceForm } from '$lib/server/export-form';
import { requireForm } from '$lib/server/form-schema';
import { charset } from '$lib/server/csv/encoding';
import { warm } from '$lib/server/analytics/dataset-cache';

export const GET: RequestHandler = async (event) => {
	const { user, survey } = analystSurvey(event);
	const choice = requireForm(event.url.searchParams, exportChoiceForm);
	if (choice.encoding === 'cp932' && cp932Problems(db(), survey.id, choice.kind, choice.leaveOutSynthetic).length)
		error(409, 'Shift_JIS で表せない文字があります。UTF-8 を選んでください。');
	const action = choice.kind === 'codebook' ? 'export.codebook' : choice.kind === 'aggregate' ? 'export.aggregate' : 'export.raw';
	audit.record(db(), user, action, `survey:${survey.slug}`, { ...choice });
	// The aggregate tables come from the survey's dataset: read it in steps first.
	if (choice.kind === 'aggregate') await warm(db(), [survey.id]);
	const name = exportFileName(survey.slug, choice.kind, choice.encoding);
	return new Response(exportStream(db(), { surveyId: survey.id, ...choice }), {
		headers: {
			'Content-Type': `text/csv; charset=${charset(choice.encoding)}`,
			'Content-Disposition': `attachment; filename="${name}"`
		}
	});
};
