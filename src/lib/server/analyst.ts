// What the analyst's pages share: the survey from the URL, for an analyst only.
import { error } from '@sveltejs/kit';
import { db } from './db';
import * as surveys from './surveys';
import { requireStaff } from './auth/guard';

export function analystSurvey(event: Parameters<typeof requireStaff>[0] & { params: { id?: string } }) {
	const user = requireStaff(event, 'analyst');
	const id = event.params.id;
	const survey = id && /^\d+$/.test(id) ? surveys.getById(db(), Number(id)) : undefined;
	if (!survey?.publishedVersionId) error(404, 'その調査は見つかりません（公開された調査だけがデータを持ちます）。');
	return { user, survey };
}
