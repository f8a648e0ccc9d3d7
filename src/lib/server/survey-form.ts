// Reads the designer's forms: a new survey (how to start it) and a survey's settings.
import type { DB } from './db';
import * as surveys from './surveys';
import type { Settings } from './surveys';
import type { FormFields } from './form-body';
import { checkContact, type Contact } from '$lib/survey/privacy';
import { LANGUAGES } from '$lib/survey/schema';
import { dateTimeIn, zonedTime } from '$lib/dates';
import { config } from './config';

export const SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;

export function readSlugAndYear(data: FormFields, db: DB, exceptId = 0): { slug: string; fiscalYear: number; problems: string[] } {
	const slug = String(data.get('slug') ?? '').trim();
	const fiscalYear = Number(String(data.get('fiscalYear') ?? '').normalize('NFKC'));
	const problems: string[] = [];
	if (!SLUG.test(slug)) problems.push('アドレス（URL）の名前は、半角の小文字英数字とハイフンで 64 文字以内にしてください（例: digital-2023）。');
	else if (surveys.slugTaken(db, slug, exceptId)) problems.push(`アドレス「${slug}」はほかの調査で使われています。`);
	if (!Number.isInteger(fiscalYear) || fiscalYear < 2000 || fiscalYear > 2100) problems.push('年度は西暦 4 桁で入力してください（例: 2023）。');
	return { slug, fiscalYear, problems };
}

/** A date-time field (datetime-local, on the survey's clock) as stored (ISO, UTC), or null. */
function dateTime(value: FormDataEntryValue | null): string | null | 'invalid' {
	const v = String(value ?? '').trim();
	if (!v) return null;
	if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v)) return 'invalid';
	const at = zonedTime(v, config.timeZone);
	// 2024-99-99T99:99 has the shape but is no date.
	return Number.isNaN(at.getTime()) ? 'invalid' : at.toISOString();
}

export function readSettings(data: FormFields, db: DB, surveyId: number): { settings: Settings; problems: string[] } {
	const { slug, fiscalYear, problems } = readSlugAndYear(data, db, surveyId);
	const opensAt = dateTime(data.get('opensAt'));
	const closesAt = dateTime(data.get('closesAt'));
	if (opensAt === 'invalid' || closesAt === 'invalid') problems.push('日時の形式が正しくありません。');
	else if (opensAt && closesAt && opensAt >= closesAt) problems.push('受付終了は受付開始より後にしてください。');
	const minCellSize = Number(data.get('minCellSize'));
	if (!Number.isInteger(minCellSize) || minCellSize < 1 || minCellSize > 100)
		problems.push('公表する集計の最小人数は 1〜100 の整数にしてください。');
	const retentionYears = whole(data.get('retentionYears'));
	if (!(retentionYears >= 1 && retentionYears <= 30)) problems.push('回答の保存期間は 1〜30 年の整数にしてください。');
	const minutes = whole(data.get('minutes'));
	if (!(minutes >= 1 && minutes <= 120)) problems.push('回答にかかる時間は 1〜120 分の整数にしてください。');
	const contact = readContact(data);
	if (!contact) problems.push('問い合わせ先の課・室の名前、電話番号、受付時間（日本語）を入力してください。');
	return {
		settings: {
			slug,
			fiscalYear,
			opensAt: opensAt === 'invalid' ? null : opensAt,
			closesAt: closesAt === 'invalid' ? null : closesAt,
			minCellSize,
			resultsPublic: data.get('resultsPublic') === 'on',
			invitationRequired: data.get('invitationRequired') === 'on',
			retentionYears,
			minutes,
			contact: contact ?? { office: { ja: '' }, phone: '', hours: { ja: '' } }
		},
		problems
	};
}

/** A whole number typed in (full-width digits too), or NaN. */
function whole(value: FormDataEntryValue | null): number {
	const n = Number(String(value ?? '').normalize('NFKC').trim() || NaN);
	return Number.isInteger(n) ? n : NaN;
}

/** A text in three languages from fields `${name}_ja`, `_easy`, `_en`; blank ones left out. */
function texts(data: FormFields, name: string): Record<string, string> {
	const text: Record<string, string> = {};
	for (const lang of LANGUAGES) {
		const v = String(data.get(`${name}_${lang}`) ?? '').trim();
		if (v) text[lang] = v;
	}
	return text;
}

/** The contact fields, or null when one that must be given is not. */
function readContact(data: FormFields): Contact | null {
	const checked = checkContact({ office: texts(data, 'contactOffice'), phone: String(data.get('contactPhone') ?? '').trim(), hours: texts(data, 'contactHours') });
	return checked.success ? checked.data : null;
}

/** An ISO time as the value of a datetime-local field, on the survey's clock. */
export function toLocalInput(iso: string | null): string {
	if (!iso) return '';
	return dateTimeIn(new Date(iso), config.timeZone);
}
