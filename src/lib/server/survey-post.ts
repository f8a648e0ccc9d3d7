// Reads a resident's survey post with the limits of the survey's own form: only the fields
// of its published versions are decoded, and a post with more fields, or longer values, than
// any of those forms can send is refused before any answer is looked at. It is urlencoded
// (the form has no file), so a multipart post is refused.
import type { DB } from './db';
import type { Survey } from './surveys';
import { publishedVersion } from './surveys';
import { readForm, type FormFields } from './form-body';
import { formShape, unionShape, type FormShape } from '$lib/survey/form-fields';

/** Room for what a browser may add to the form's own fields. */
const SPARE_FIELDS = 50;

/** Published versions never change, so a survey's shape changes only when it publishes again. */
const shapes = new WeakMap<DB, Map<number, { publishedVersionId: number | null; shape: FormShape }>>();

export function surveyFormShape(db: DB, survey: Survey): FormShape {
	let cache = shapes.get(db);
	if (!cache) shapes.set(db, (cache = new Map()));
	const cached = cache.get(survey.id);
	if (cached && cached.publishedVersionId === survey.publishedVersionId) return cached.shape;
	const ids = db
		.prepare('SELECT id FROM survey_version WHERE survey_id = ? AND published_at IS NOT NULL')
		.pluck()
		.all(survey.id) as number[];
	const shape = unionShape(ids.map((id) => formShape(publishedVersion(db, id)!)));
	cache.set(survey.id, { publishedVersionId: survey.publishedVersionId, shape });
	return shape;
}

export function readSurveyPost(db: DB, survey: Survey, request: Request): Promise<FormFields> {
	const shape = surveyFormShape(db, survey);
	return readForm(request, {
		maxFields: shape.maxFields + SPARE_FIELDS,
		// Browsers send a line break as CR LF, so a text at its limit can arrive twice as long;
		// the answer checks then tell the resident it is too long, in their language.
		maxLength: shape.maxLength * 2 + 100,
		accepts: (name) => shape.names.has(name)
	});
}
