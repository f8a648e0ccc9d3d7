// What the designer's pages share: the survey from the URL, for a designer only.
import { error } from '@sveltejs/kit';
import { db } from './db';
import * as surveys from './surveys';
import { requireStaff } from './auth/guard';

export function designerSurvey(event: Parameters<typeof requireStaff>[0] & { params: { id?: string } }) {
	const user = requireStaff(event, 'designer');
	const id = event.params.id;
	const survey = id && /^\d+$/.test(id) ? surveys.getById(db(), Number(id)) : undefined;
	if (!survey) error(404, 'その調査は見つかりません。');
	return { user, survey };
}
