// The download itself (analysts), streamed: a CSV, the same table as an Excel workbook, or the R
// or SPSS script that reads the wide CSV. Every download is written to the audit log, with the
// choices it was made with (synthetic responses left out or not among them).
import { error, type RequestHandler } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import * as audit from '$lib/server/audit';
import { analystSurvey } from '$lib/server/survey-guard';
import { cp932Problems, exportFileName, exportStream, WORKBOOK_KINDS, workbookStream } from '$lib/server/data-export';
import { exportChoiceForm } from '$lib/server/export-form';
import { requireForm } from '$lib/server/form-schema';
import { charset } from '$lib/server/csv/encoding';
import { warm } from '$lib/server/analytics/dataset-cache';
import { XLSX_TYPE } from '$lib/server/xlsx';
import { statisticsScript } from '$lib/server/statistics-scripts';
import { hasMargins } from '$lib/server/export-weights';

export const GET: RequestHandler = async (event) => {
	const { user, survey } = analystSurvey(event);
	const choice = requireForm(event.url.searchParams, exportChoiceForm);
	const attachment = (name: string) => `attachment; filename="${name}"`;
	// Weights and the aggregate tables come from the survey's dataset: read it in steps first.
	if (choice.kind === 'aggregate' || hasMargins(db(), survey.id)) await warm(db(), [survey.id]);
	if (choice.format === 'r' || choice.format === 'sps') {
		audit.record(db(), user, 'export.codebook', `survey:${survey.slug}`, { kind: 'wide', format: choice.format });
		const script = statisticsScript(db(), survey.id, choice.format);
		return new Response(script.text, { headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Disposition': attachment(script.name) } });
	}
	const xlsx = choice.format === 'xlsx';
	if (xlsx && !WORKBOOK_KINDS.includes(choice.kind)) error(400, '縦長の形式は Excel の行数の上限を超えることがあるため、CSV でダウンロードしてください。');
	if (!xlsx && choice.encoding === 'cp932' && cp932Problems(db(), survey.id, choice.kind, choice.leaveOutSynthetic).length)
		error(409, 'Shift_JIS で表せない文字があります。UTF-8 を選んでください。');
	const action = choice.kind === 'codebook' ? 'export.codebook' : choice.kind === 'aggregate' ? 'export.aggregate' : 'export.raw';
	audit.record(db(), user, action, `survey:${survey.slug}`, { ...choice });
	const req = { surveyId: survey.id, ...choice };
	const name = exportFileName(survey.slug, choice.kind, choice.encoding, new Date(), xlsx ? 'xlsx' : 'csv');
	return new Response(xlsx ? workbookStream(db(), req) : exportStream(db(), req), {
		headers: {
			'Content-Type': xlsx ? XLSX_TYPE : `text/csv; charset=${charset(choice.encoding)}`,
			'Content-Disposition': attachment(name)
		}
	});
};
