// The CSV template for importing paper questionnaires: a header row of field names (clerks).
import type { RequestHandler } from '@sveltejs/kit';
import { clerkSurvey } from '$lib/server/survey-guard';
import { paperColumns } from '$lib/survey/paper-import';
import { toCsv } from '$lib/csv';

export const GET: RequestHandler = (event) => {
	const { survey, document } = clerkSurvey(event);
	const csv = toCsv(paperColumns(document, survey.invitationRequired), []);
	return new Response(csv, {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="${survey.slug}_paper-template.csv"`
		}
	});
};
