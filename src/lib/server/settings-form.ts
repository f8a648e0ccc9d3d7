// The designer's survey settings form (address, fiscal year, schedule, publication, retention,
// contact, what was handed out without codes, the open data's licence), as a form schema; its address and fiscal year fields serve the new-survey form too.
import type { DB } from './db';
import * as surveys from './surveys';
import type { Settings } from './surveys';
import { checkbox, choice, formObject, integer, optionalInteger, text, whenRead } from './form-schema';
import { OPEN_DATA_LICENCE_IDS, DEFAULT_LICENCE } from '$lib/analytics/open-data';
import { checkContact, type Contact } from '$lib/survey/privacy';
import { LANGUAGES, type Language } from '$lib/survey/schema';
import { dateTimeIn, zonedTime } from '$lib/dates';
import { config } from './config';

export const SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** A survey's address name: its shape, and not another survey's (but survey `exceptId`'s own). */
export const slugField = (db: DB, exceptId = 0) =>
	text({
		pattern: SLUG,
		message: 'アドレス（URL）の名前は、半角の小文字英数字とハイフンで 64 文字以内にしてください（例: digital-2023）。'
	}).refine((slug) => !surveys.slugTaken(db, slug, exceptId), {
		error: (issue) => `アドレス「${String(issue.input)}」はほかの調査で使われています。`
	});

export const fiscalYearField = integer({ min: 2000, max: 2100, message: '年度は西暦 4 桁で入力してください（例: 2023）。' });

const BAD_TIME = '日時の形式が正しくありません。';

/** A date-time field (datetime-local, on the survey's clock) as stored (ISO, UTC), or null when blank. */
const dateTimeField = text().transform((typed, ctx) => {
	if (!typed) return null;
	// 2024-99-99T99:99 has the shape but is no date.
	const at = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(typed) ? zonedTime(typed, config.timeZone) : new Date(NaN);
	if (!Number.isNaN(at.getTime())) return at.toISOString();
	ctx.issues.push({ code: 'custom', message: BAD_TIME, input: typed });
	return null;
});

/** A text in three languages, from fields `${name}_ja`, `_easy`, `_en`. */
function inLanguages<N extends string>(name: N) {
	return Object.fromEntries(LANGUAGES.map((lang) => [`${name}_${lang}`, text()])) as {
		[L in Language as `${N}_${L}`]: ReturnType<typeof text>;
	};
}

/** The text of those fields, blank languages left out (not stored empty). */
function texts(values: Record<string, unknown>, name: string): Record<string, string> {
	return Object.fromEntries(LANGUAGES.map((lang) => [lang, String(values[`${name}_${lang}`] ?? '')]).filter(([, v]) => v));
}

const CONTACT_FIELDS = ['contactOffice_ja', 'contactOffice_easy', 'contactOffice_en', 'contactPhone', 'contactHours_ja', 'contactHours_easy', 'contactHours_en'];
const contactOf = (v: Record<string, unknown>) => checkContact({ office: texts(v, 'contactOffice'), phone: v.contactPhone, hours: texts(v, 'contactHours') });

/** The settings form of survey `surveyId`, read into its settings. */
export function settingsForm(db: DB, surveyId: number) {
	return formObject(
		{
			slug: slugField(db, surveyId),
			fiscalYear: fiscalYearField,
			opensAt: dateTimeField,
			closesAt: dateTimeField,
			minCellSize: integer({ min: 1, max: 100, message: '公表する集計の最小人数は 1〜100 の整数にしてください。' }),
			retentionYears: integer({ min: 1, max: 30, message: '回答の保存期間は 1〜30 年の整数にしてください。' }),
			minutes: integer({ min: 1, max: 120, message: '回答にかかる時間は 1〜120 分の整数にしてください。' }),
			resultsPublic: checkbox(),
			invitationRequired: checkbox(),
			distributedWithoutCodes: optionalInteger({ min: 0, max: 10_000_000, message: '招待コードなしで配布した数は 0 以上の整数で入力してください（なければ空欄）。' }),
			// A page always posts one; anything else reads as the default, never as no licence.
			openDataLicence: choice(OPEN_DATA_LICENCE_IDS, { fallback: DEFAULT_LICENCE }),
			...inLanguages('contactOffice'),
			contactPhone: text(),
			...inLanguages('contactHours')
		},
		(fields) =>
			fields
				.refine((v) => !(v.opensAt && v.closesAt && v.opensAt >= v.closesAt), {
					error: '受付終了は受付開始より後にしてください。',
					path: ['closesAt'],
					when: whenRead('opensAt', 'closesAt')
				})
				.refine((v) => contactOf(v).success, {
					error: '問い合わせ先の課・室の名前、電話番号、受付時間（日本語）を入力してください。',
					path: ['contactOffice_ja'],
					when: whenRead(...CONTACT_FIELDS)
				})
				.transform(
					(v): Settings => ({
						slug: v.slug,
						fiscalYear: v.fiscalYear,
						opensAt: v.opensAt,
						closesAt: v.closesAt,
						minCellSize: v.minCellSize,
						resultsPublic: v.resultsPublic,
						invitationRequired: v.invitationRequired,
						retentionYears: v.retentionYears,
						minutes: v.minutes,
						contact: contactOf(v).data as Contact,
						distributedWithoutCodes: v.distributedWithoutCodes ?? 0,
						openDataLicence: v.openDataLicence
					})
				)
	);
}

/** An ISO time as the value of a datetime-local field, on the survey's clock. */
export function toLocalInput(iso: string | null): string {
	if (!iso) return '';
	return dateTimeIn(new Date(iso), config.timeZone);
}
