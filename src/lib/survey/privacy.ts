// The privacy notice of a survey, made from its settings (contact, minutes, deadline, retention,
// smallest published cell) and the system's own lists of what it keeps (stored-data.ts), with
// the questionnaire's own words only for its purpose and who sees the answers. The consent
// page shows the summary and the full notice; the public privacy page shows the full notice.
import { z } from 'zod';
import { TextSchema, type Language, type Questionnaire } from './schema';
import { t } from './messages';
import { formatDate, formatTime } from '$lib/dates';
import { NOT_KEPT, ON_DEVICE, RESPONSE_COLUMNS } from './stored-data';

const ContactSchema = z.strictObject({
	office: TextSchema,
	phone: z.string().trim().min(1).max(100),
	hours: TextSchema
});
export type Contact = z.infer<typeof ContactSchema>;

/** The stored JSON as a contact, or null when there is none (or it is not one). */
function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object') for (const v of Object.values(Object.freeze(value))) deepFreeze(v);
	return value;
}

/** Contacts read so far, by their stored text: every request for a survey reads its row again. */
const contacts = new Map<string, Contact | null>();

export function parseContact(json: string | null): Contact | null {
	if (!json) return null;
	let contact = contacts.get(json);
	if (contact === undefined) {
		const parsed = ContactSchema.safeParse(JSON.parse(json));
		// Shared by every reader from now on, so it cannot be changed by one of them.
		contact = parsed.success ? deepFreeze(parsed.data) : null;
		if (contacts.size > 100) contacts.clear();
		contacts.set(json, contact);
	}
	return contact;
}

export const checkContact = (value: unknown) => ContactSchema.safeParse(value);

/** Marks what the city still has to fill in; the designer's page warns while any is left. */
export const TO_FILL = '【市が記入】';

/** The bundled survey's contact: the real office, the phone and hours left for the city. */
export const BUNDLED_CONTACT: Contact = {
	office: {
		ja: '山口市 総合政策部 スマートシティ推進室',
		easy: '山口市役所（やまぐちしやくしょ） スマートシティ 推進室（すいしんしつ）',
		en: 'Smart City Promotion Office, Policy Planning Department, Yamaguchi City'
	},
	phone: `083-000-0000 ${TO_FILL}`,
	hours: {
		ja: `平日 8時30分〜17時15分 ${TO_FILL}`,
		easy: `へいじつ 8じ30ぷん から 17じ15ふん まで ${TO_FILL}`,
		en: `Weekdays 8:30–17:15 ${TO_FILL}`
	}
};

/** Whether a contact still holds text marked for the city to fill in. */
export const needsFilling = (c: Contact | null) => !c || JSON.stringify(c).includes(TO_FILL);

/** What the notice needs of the survey's settings. */
export interface PrivacySettings {
	contact: Contact | null;
	minutes: number;
	retentionYears: number;
	/** The deadline residents are given. */
	closesAt: string | null;
	/** When it was closed by hand, if it was (retention runs from the deadline, or from this). */
	closedAt: string | null;
	minCellSize: number;
}

/** The day (ISO) retention ends: `years` after the survey closed, or undefined while it has not. */
export function retentionEnds(closedOn: string | null, years: number): string | undefined {
	if (!closedOn) return undefined;
	const d = new Date(closedOn);
	d.setUTCFullYear(d.getUTCFullYear() + years);
	return d.toISOString();
}

export interface Notice {
	/** Short points for one phone screen. */
	summary: string[];
	/** The full notice: a heading and its paragraphs or list items. */
	sections: { heading: string; paragraphs?: string[]; items?: string[] }[];
}

const WORDS = {
	ja: {
		anonymous: '無記名のアンケートです。お名前やご住所はおうかがいしません。',
		minutes: (m: number) => `回答にかかる時間は ${m} 分ほどです。`,
		minutesAndDeadline: (m: number, d: string) => `回答にかかる時間は ${m} 分ほど、期限は ${d} です。`,
		skip: '回答は任意です。「必須」の設問のほかは、飛ばしていただいて構いません。',
		finalShort: '送信した回答は、後から取り消したり直したりできません（だれの回答か分からない形で保存するためです）。',
		paperAndContact: (c: string) => `紙の調査票のご希望、お問い合わせ：${c}`,
		voluntary: '回答は任意です。「必須」と書かれた設問のほかは、答えたくない設問を飛ばせます。途中でやめることもできます。',
		final: '送信した回答は、だれのものか分からない形で保存するため、後から取り消したり直したりすることはできません。',
		paper: '紙の調査票でも回答できます。ご希望の方は、下の問い合わせ先へご連絡ください。',
		phone: '電話',
		hours: '受付',
		noContact: '問い合わせ先は準備中です。',
		purpose: 'このアンケートの目的',
		stored: '保存する情報',
		notStored: '保存しない情報',
		onDevice: 'お使いの端末の中だけに残るもの',
		onDeviceNote: 'これらは市には送られず、記録もされません。ブラウザの設定で、いつでも消すことができます。',
		access: '回答を見ることができる人',
		retention: '保存する期間',
		retentionText: (y: number, end?: string) =>
			`回答は集計と分析のため、調査の終了から ${y} 年間保存し、その後は消去します${end ? `（${end}ごろ）` : ''}。消去した回答は、システムのファイルにも残らないようにします。`,
		publication: '結果の公表',
		publicationText: (k: number) => `結果は統計としてのみ公表します。${k} 人未満の区分の数値は、個人が特定されないよう伏せます。`,
		voluntaryHeading: '回答は任意です',
		inquiries: 'お問い合わせ'
	},
	easy: {
		anonymous: 'なまえや じゅうしょは ききません。だれが こたえたかは わかりません。',
		minutes: (m: number) => `こたえるのに ${m}ぷん ぐらい かかります。`,
		minutesAndDeadline: (m: number, d: string) => `こたえるのに ${m}ぷん ぐらい かかります。${d} までに こたえて ください。`,
		skip: '「かならず こたえる」と かいて ある しつもんだけ、こたえて ください。ほかの しつもんは、こたえるか どうか じぶんで きめます。',
		finalShort: 'おくった こたえは、あとから けしたり なおしたり できません。',
		paperAndContact: (c: string) => `かみの アンケートが ほしい とき、ききたい ことが ある とき：${c}`,
		voluntary: 'こたえるか どうかは じぶんで きめて ください。「かならず こたえる」と かいて ある しつもんだけ、かならず こたえます。とちゅうで やめても いいです。',
		final: 'おくった こたえは、だれの ものか わかりません。だから、あとから けしたり なおしたり できません。',
		paper: 'かみの アンケートでも こたえられます。ほしい ひとは、したの ところに れんらく して ください。',
		phone: 'でんわ',
		hours: 'じかん',
		noContact: 'れんらくさきは じゅんびちゅう です。',
		purpose: 'なんの ための アンケート ですか',
		stored: 'のこす もの',
		notStored: 'のこさない もの',
		onDevice: 'あなたの スマホや パソコンの なかだけに のこる もの',
		onDeviceNote: 'これは 市役所（しやくしょ）には おくられません。ブラウザの せっていで いつでも けせます。',
		access: 'こたえを みる ひと',
		retention: 'いつまで のこしますか',
		retentionText: (y: number, end?: string) => `こたえは アンケートが おわってから ${y}ねん のこして、その あと けします${end ? `（${end}ごろ）` : ''}。けした こたえは システムの なかに のこしません。`,
		publication: 'けっかの おしらせ',
		publicationText: (k: number) => `けっかは ぜんぶを まとめて おしらせします。ひとが ${k}にん より すくない ところは、かずを かくします。`,
		voluntaryHeading: 'こたえるか どうかは じゆう です',
		inquiries: 'ききたい ことが あるとき'
	},
	en: {
		anonymous: 'This survey is anonymous. We do not ask for your name or address.',
		minutes: (m: number) => `It takes about ${m} minutes.`,
		minutesAndDeadline: (m: number, d: string) => `It takes about ${m} minutes. Please answer by ${d}.`,
		skip: 'Taking part is voluntary. You may skip any question not marked “Required”.',
		finalShort: 'Once sent, answers cannot be withdrawn or changed: nothing shows whose they are.',
		paperAndContact: (c: string) => `Paper questionnaires and questions: ${c}`,
		voluntary: 'Taking part is voluntary. You may skip any question not marked “Required”, and you may stop at any time.',
		final: 'Once sent, your answers cannot be withdrawn or changed: they are kept in a way that does not show whose they are.',
		paper: 'You can also answer on a paper questionnaire: please ask the office below.',
		phone: 'Phone',
		hours: 'Hours',
		noContact: 'The contact is being prepared.',
		purpose: 'Why we are asking',
		stored: 'What we keep',
		notStored: 'What we do not keep',
		onDevice: 'What stays only on your own device',
		onDeviceNote: 'These are not sent to the city or recorded by it. You can delete them at any time in your browser settings.',
		access: 'Who can see the answers',
		retention: 'How long we keep them',
		retentionText: (y: number, end?: string) =>
			`Answers are kept for ${y} years after the survey closes for tabulation and analysis, and then deleted${end ? ` (around ${end})` : ''}. Deleted answers are not left anywhere in the system's files.`,
		publication: 'How results are published',
		publicationText: (k: number) => `Results are published as statistics only. Figures for groups of fewer than ${k} people are hidden so that no one can be identified.`,
		voluntaryHeading: 'Taking part is voluntary',
		inquiries: 'Contact'
	}
} as const;

/** The deadline as residents read it, on the survey's clock (2027年1月31日 23:59). */
function deadline(iso: string, lang: Language, timeZone: string): string {
	const time = formatTime(iso, lang, timeZone);
	return lang === 'en' ? `${time} on ${formatDate(iso, lang, timeZone)}` : `${formatDate(iso, lang, timeZone)} ${time}`;
}

/** The contact in one line: office, phone and hours. */
export function contactLine(c: Contact | null, lang: Language): string {
	const w = WORDS[lang];
	if (!c) return w.noContact;
	if (lang === 'en') return `${t(c.office, lang)}, ${w.phone} ${c.phone} (${w.hours}: ${t(c.hours, lang)})`;
	return `${t(c.office, lang)}　${w.phone} ${c.phone}（${w.hours}：${t(c.hours, lang)}）`;
}

/** The notice in one language; dates in the survey's time zone (SURVEY_TIME_ZONE). */
export function privacyNotice(doc: Questionnaire, s: PrivacySettings, lang: Language, timeZone: string): Notice {
	const w = WORDS[lang];
	const contact = contactLine(s.contact, lang);
	const end = retentionEnds(s.closesAt ?? s.closedAt, s.retentionYears);
	return {
		summary: [
			w.anonymous,
			s.closesAt ? w.minutesAndDeadline(s.minutes, deadline(s.closesAt, lang, timeZone)) : w.minutes(s.minutes),
			w.skip,
			w.finalShort,
			w.paperAndContact(contact)
		],
		sections: [
			{ heading: w.purpose, paragraphs: [t(doc.consent.purpose, lang)] },
			{ heading: w.stored, items: RESPONSE_COLUMNS.map((c) => t(c.told, lang)) },
			{ heading: w.notStored, paragraphs: [t(NOT_KEPT, lang)] },
			{ heading: w.onDevice, items: ON_DEVICE.map((d) => t(d, lang)), paragraphs: [w.onDeviceNote] },
			{ heading: w.access, paragraphs: [t(doc.consent.access, lang)] },
			{ heading: w.retention, paragraphs: [w.retentionText(s.retentionYears, end && formatDate(end, lang, timeZone))] },
			{ heading: w.publication, paragraphs: [w.publicationText(s.minCellSize)] },
			{ heading: w.voluntaryHeading, paragraphs: [w.voluntary, w.final, w.paper] },
			{ heading: w.inquiries, paragraphs: [contact] }
		]
	};
}

/** The public page of a survey's privacy notice. */
export const privacyPath = (slug: string) => `/s/${slug}/privacy`;

/** What every resident page of a survey shows in its footer: the contact and the notice's page. */
export const footerOf = (slug: string, contact: Contact | null, lang: Language) => ({
	contact: contactLine(contact, lang),
	privacyHref: privacyPath(slug)
});
