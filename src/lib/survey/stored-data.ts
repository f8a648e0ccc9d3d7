// What the system keeps about a response, and what it leaves on the resident's own device: one
// list each, read by the code that stores (responses.ts builds its insert from RESPONSE_COLUMNS,
// preferences.ts sets its cookies for PREFERENCE_DAYS, draft.ts keeps drafts DRAFT_TTL_MS) and
// by the privacy notice residents read, so the two cannot drift apart.
import type { Text } from './schema';

/** A text said in every language (the translators' record has no place here). */
type Said = Required<Omit<Text, 'translatedFrom'>>;
import { DRAFT_TTL_MS } from './draft';

/** Each column of the response table, in the order the insert writes them, as residents are told of it. */
export const RESPONSE_COLUMNS = [
	{ column: 'id', told: { ja: '回答ごとの番号（無作為に作るもので、あなたとは結び付きません）', easy: 'こたえ ごとの ばんごう（でたらめに つくります。あなたとは かんけい ありません）', en: 'a number for each response (made at random; it says nothing about you)' } },
	{ column: 'survey_version_id', told: { ja: 'お答えいただいた調査票の版', easy: 'アンケートの かたちの ばんごう', en: 'the version of the questionnaire you answered' } },
	{ column: 'channel', told: { ja: '回答の方法（インターネット・紙）', easy: 'こたえかた（インターネット・かみ）', en: 'how you answered (online or on paper)' } },
	{ column: 'language', told: { ja: '回答に使った言葉（日本語・やさしい日本語・英語）', easy: 'つかった ことば（にほんご・やさしい にほんご・えいご）', en: 'the language you answered in (Japanese, easy Japanese or English)' } },
	{ column: 'submitted_on', told: { ja: '回答を受け付けた日付（年月日のみ。時刻は残しません）', easy: 'こたえを うけとった ひ（じかんは のこしません）', en: 'the day your answers were received (not the time)' } },
	{ column: 'synthetic', told: { ja: '説明用の見本データと区別するための印', easy: 'れんしゅう ようの データと わける しるし', en: 'a mark that tells real answers apart from sample data made for demonstrations' } },
	{ column: 'answers', told: { ja: 'ご回答の内容', easy: 'あなたの こたえ', en: 'your answers' } }
] as const satisfies readonly { column: string; told: Said }[];

export type ResponseColumn = (typeof RESPONSE_COLUMNS)[number]['column'];

/** What the system never keeps, though a web server could. */
export const NOT_KEPT: Said = {
	ja: 'お名前・ご住所・メールアドレス、IPアドレス、お使いの端末やブラウザの情報、回答した時刻、回答が届いた順番は保存しません。招待コードを使った場合も、コードと回答は結び付けずに保存します。',
	easy: 'なまえ、じゅうしょ、メール、インターネットの ばんごう（IPアドレス）、スマホや パソコンの こと、こたえた じかんや じゅんばんは のこしません。しょうたいコードと こたえも むすびつけません。',
	en: 'We do not keep your name, address or e-mail, your IP address, information about your device or browser, the time you answered, or the order in which answers arrived. If you used an invitation code, the code is not linked to your answers.'
};

/** Days the language and text-size cookies stay on the device. */
export const PREFERENCE_DAYS = 365;

const draftDays = DRAFT_TTL_MS / 86_400_000;

/** What stays on the resident's own device only (never sent to or recorded by the city). */
export const ON_DEVICE: readonly Said[] = [
	{
		ja: `選んだ言葉と文字の大きさ（Cookie。${PREFERENCE_DAYS}日間。あなたを見分ける情報は含みません）`,
		easy: `えらんだ ことばと もじの おおきさ（Cookie。${PREFERENCE_DAYS}にち。あなたが だれかは わかりません）`,
		en: `the language and text size you chose (cookies, for ${PREFERENCE_DAYS} days; they hold nothing that identifies you)`
	},
	{
		ja: `送信する前の回答の下書き（ブラウザの中に最長${draftDays}日間。送信すると消えます）`,
		easy: `おくる まえの こたえ（ブラウザの なかに ${draftDays}にち まで。おくると きえます）`,
		en: `a draft of your answers before you send them (in the browser, for at most ${draftDays} days; removed when you send them)`
	}
];
