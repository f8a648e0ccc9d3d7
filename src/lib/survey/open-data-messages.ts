// Words of the open-data page in each language (src/routes/s/[slug]/opendata), and of the
// survey's method as the files state it. The files' own column names stay Japanese, as the
// Digital Agency's datasets name them; the page explains each in the reader's language.
import type { Language } from './languages';
import type { MethodFacts, OPEN_DATA_COLUMNS } from '$lib/analytics/open-data';

type Column = (typeof OPEN_DATA_COLUMNS)[number];

const words = {
	ja: {
		pageTitle: (title: string) => `オープンデータ | ${title}`,
		description: (title: string) => `${title}の結果の集計表（オープンデータ）です。`,
		heading: 'オープンデータ',
		lead: '結果のページと同じ集計表を、だれでも自由に使えるデータとして公開しています。ほかのデータと組み合わせて使うこともできます。',
		filesHeading: 'ファイル',
		csv: '集計表（CSV）',
		csvAbout: 'UTF-8（BOM 付き）、1 行目が見出し。Excel でもそのまま開けます。',
		json: '集計表（JSON）',
		jsonAbout: 'UTF-8。調査の情報とライセンスを含みます。',
		aboutHeading: 'このデータについて',
		publisher: '提供者',
		publisherValue: (name: string, code: string) => `${name}（全国地方公共団体コード ${code}）`,
		survey: '調査名',
		fiscalYear: '調査年度',
		fiscalYearValue: (y: number) => `${y}年度`,
		period: '回答期間',
		periodValue: (from: string, to: string) => `${from}〜${to}`,
		respondents: '回答者数',
		people: (n: string) => `${n}人`,
		synthetic: (n: string) => `（説明用の合成データ ${n} 件を含みます。実際の回答ではありません）`,
		method: '調査方法',
		licence: 'ライセンス',
		licenceUse: 'だれでも複製、加工、再配布できます（営利目的を含みます）。',
		attribution: (example: string) => `使うときは、出典を「${example}」のように示してください。`,
		source: (municipality: string, title: string) => `出典：${municipality}『${title}』結果（オープンデータ）`,
		hidingHeading: '伏せている数字',
		hiding: (k: number) =>
			`個人が分からないよう、人数が ${k} 人未満の区分と、ほかの数字から計算できないようにした区分は、人数と割合を空欄にし、「秘匿」を 1 にしています。対象の方が ${k} 人未満の設問は、結果を掲載していません。自由記述は含みません。`,
		columnsHeading: 'CSV の列',
		columnName: '列名',
		columnAbout: '内容',
		backToResults: '結果のページに戻る'
	},
	easy: {
		pageTitle: (title: string) => `オープンデータ | ${title}`,
		description: (title: string) => `${title}の けっかの データ です。`,
		heading: 'オープンデータ',
		lead: 'けっかの ページと おなじ かずを、だれでも つかえる データに しました。ほかの データと いっしょに つかう ことも できます。',
		filesHeading: 'ファイル',
		csv: 'けっかの ひょう（CSV）',
		csvAbout: 'もじは UTF-8（BOM つき）です。1ぎょうめは みだし です。Excel で ひらけます。',
		json: 'けっかの ひょう（JSON）',
		jsonAbout: 'もじは UTF-8 です。アンケートの じょうほうと ライセンスも はいって います。',
		aboutHeading: 'この データに ついて',
		publisher: 'だした ところ',
		publisherValue: (name: string, code: string) => `${name}（ぜんこく ちほう こうきょう だんたい コード ${code}）`,
		survey: 'アンケートの なまえ',
		fiscalYear: 'ねんど',
		fiscalYearValue: (y: number) => `${y}ねんど`,
		period: 'こたえを うけつけた ひ',
		periodValue: (from: string, to: string) => `${from}から ${to}まで`,
		respondents: 'こたえた ひとの かず',
		people: (n: string) => `${n}にん`,
		synthetic: (n: string) => `（せつめいの ために つくった データが ${n}こ あります。ほんとうの こたえでは ありません）`,
		method: 'アンケートの やりかた',
		licence: 'ライセンス（つかう ときの きまり）',
		licenceUse: 'だれでも コピーしたり、かえたり、くばったり できます。おかねを もらう しごとにも つかえます。',
		attribution: (example: string) => `つかう ときは、「${example}」のように どこの データか かいて ください。`,
		source: (municipality: string, title: string) => `出典：${municipality}『${title}』結果（オープンデータ）`,
		hidingHeading: 'かくして いる かず',
		hiding: (k: number) =>
			`だれの こたえか わからない ように、${k}にんより すくない ところなどは、にんずうと わりあいを かかないで、「秘匿」を 1 に して います。こたえる ひとが ${k}にんより すくない しつもんは、けっかを のせて いません。じゆうに かいた こたえは ありません。`,
		columnsHeading: 'CSV の れつ',
		columnName: 'れつの なまえ',
		columnAbout: 'なかみ',
		backToResults: 'けっかの ページに もどる'
	},
	en: {
		pageTitle: (title: string) => `Open data | ${title}`,
		description: (title: string) => `The results tables of the ${title}, as open data.`,
		heading: 'Open data',
		lead: 'The tables of the results page, as data anyone may use freely, and link with other data.',
		filesHeading: 'Files',
		csv: 'Results tables (CSV)',
		csvAbout: 'UTF-8 with a byte-order mark, a header row first; opens directly in Excel.',
		json: 'Results tables (JSON)',
		jsonAbout: 'UTF-8, with the survey’s details and the licence.',
		aboutHeading: 'About this data',
		publisher: 'Published by',
		publisherValue: (name: string, code: string) => `${name} (local government code ${code})`,
		survey: 'Survey',
		fiscalYear: 'Fiscal year',
		fiscalYearValue: (y: number) => `FY${y}`,
		period: 'Answers received',
		periodValue: (from: string, to: string) => `${from} to ${to}`,
		respondents: 'Respondents',
		people: (n: string) => `${n} ${n === '1' ? 'person' : 'people'}`,
		synthetic: (n: string) => ` (including ${n} synthetic responses made for demonstration; they are not real answers)`,
		method: 'Method',
		licence: 'Licence',
		licenceUse: 'Anyone may copy, adapt and share it, commercially too.',
		attribution: (example: string) => `When you use it, please credit the source, for example “${example}”.`,
		source: (municipality: string, title: string) => `Source: ${municipality}, “${title}” results (open data)`,
		hidingHeading: 'Hidden figures',
		hiding: (k: number) =>
			`To protect individuals, groups of fewer than ${k} people, and groups that would let them be worked out, have their count and percentage left empty and “秘匿” (hidden) set to 1. Questions asked of fewer than ${k} people are not published. Written comments are not included.`,
		columnsHeading: 'Columns of the CSV',
		columnName: 'Column',
		columnAbout: 'Meaning',
		backToResults: 'Back to the results'
	}
} as const;

/** Each CSV column in each language: what it holds. */
const COLUMN_WORDS: Record<Column, Record<Language, string>> = {
	全国地方公共団体コード: { ja: '市区町村を表す 6 桁のコード（検査数字付き）', easy: 'しを あらわす 6けたの コード', en: 'the six-digit code of the municipality (with its check digit)' },
	ID: { ja: '行の ID（設問と区分を表し、更新しても変わりません）', easy: 'ぎょうの なまえ（かわりません）', en: 'the row’s ID (question and category; it stays the same)' },
	地方公共団体名: { ja: '市区町村の名前', easy: 'しの なまえ', en: 'the municipality’s name' },
	調査名: { ja: '調査の名前', easy: 'アンケートの なまえ', en: 'the survey’s title' },
	調査年度: { ja: '調査の年度（西暦）', easy: 'アンケートの ねんど', en: 'the fiscal year of the survey' },
	調査期間開始日: { ja: '最初の回答を受け付けた日（YYYY-MM-DD）', easy: 'はじめて こたえを うけつけた ひ', en: 'the day the first answer was received (YYYY-MM-DD)' },
	調査期間終了日: { ja: '最後の回答を受け付けた日（YYYY-MM-DD）', easy: 'さいごに こたえを うけつけた ひ', en: 'the day the last answer was received (YYYY-MM-DD)' },
	'回答者数（人）': { ja: '集計した回答の数', easy: 'こたえた ひとの かず', en: 'responses counted' },
	設問番号: { ja: '調査票での番号（問1 なら 1）', easy: 'しつもんの ばんごう', en: 'the question’s number on the questionnaire (1 for Q1)' },
	設問ID: { ja: '設問の記号（年度をまたいで同じ）', easy: 'しつもんの きごう', en: 'the question’s key (the same from year to year)' },
	設問: { ja: '設問の文', easy: 'しつもんの ぶん', en: 'the question (in Japanese)' },
	小問ID: { ja: '表形式の設問の行の記号（ほかは空欄）', easy: 'ひょうの しつもんの ぎょうの きごう', en: 'a grid question’s row key (empty otherwise)' },
	小問: { ja: '表形式の設問の行の文（ほかは空欄）', easy: 'ひょうの しつもんの ぎょうの ぶん', en: 'a grid question’s row (empty otherwise)' },
	複数回答: { ja: 'いくつでも選べる設問は 1、一つだけは 0', easy: 'いくつでも えらべる しつもんは 1', en: '1 where several answers could be chosen, else 0' },
	'集計対象者数（人）': { ja: 'その設問にお答えいただく対象の方の数（割合の分母）', easy: 'その しつもんに こたえる ひとの かず', en: 'people the question was for (the base of the percentages)' },
	参考値: { ja: '対象の方が 30 人未満の表は 1', easy: 'こたえる ひとが 30にんより すくないと 1', en: '1 where fewer than 30 people were asked (indicative only)' },
	区分コード: { ja: '選択肢の番号（不明・無回答・数値の範囲は空欄）', easy: 'えらぶ こたえの ばんごう', en: 'the answer’s code (empty for unreadable, no answer and number ranges)' },
	区分: { ja: '選択肢の文（不明、無回答、数値の範囲を含みます）', easy: 'えらぶ こたえの ぶん', en: 'the answer (in Japanese; unreadable, no answer and number ranges included)' },
	'人数（人）': { ja: 'その区分の人数（伏せた区分は空欄）', easy: 'その こたえの ひとの かず', en: 'how many gave that answer (empty where hidden)' },
	'割合（％）': { ja: '集計対象者に占める割合（小数第 1 位まで）', easy: 'わりあい（パーセント）', en: 'the percentage of the base, to one decimal place' },
	平均値: { ja: '数値で答える設問の平均（小数第 2 位まで、ほかは空欄）', easy: 'かずで こたえる しつもんの へいきん', en: 'the mean of a number question, to two places (empty otherwise)' },
	秘匿: { ja: '人数を伏せた区分と、結果を掲載しない設問は 1', easy: 'かずを かくした ところは 1', en: '1 where the figure is hidden, or the question is not published' }
};

/** How the survey reached residents and how they answered, in a language. */
export function methodWords(m: MethodFacts, lang: Language): string {
	const parts = {
		ja: {
			out: [m.lettersWithCodes && '招待コード付きの案内状の郵送', m.withoutCodes && '調査票の配布'],
			open: '回答ページの公開（対象者を限らない）',
			web: 'インターネット',
			paper: '紙の調査票',
			join: '、',
			say: (out: string, answer: string) => `配布：${out}。回答：${answer}。`
		},
		easy: {
			out: [m.lettersWithCodes && 'コードの ついた てがみを ゆうびんで おくった', m.withoutCodes && 'かみの アンケートを くばった'],
			open: 'だれでも こたえられる ページを だした',
			web: 'インターネット',
			paper: 'かみ',
			join: '、',
			say: (out: string, answer: string) => `くばりかた：${out}。こたえかた：${answer}。`
		},
		en: {
			out: [m.lettersWithCodes && 'letters with invitation codes, by post', m.withoutCodes && 'paper questionnaires handed out'],
			open: 'an answer page open to anyone',
			web: 'online',
			paper: 'on paper',
			join: ', ',
			say: (out: string, answer: string) => `Reached by: ${out}. Answered: ${answer}.`
		}
	}[lang];
	const out = parts.out.filter((x): x is string => !!x);
	const answer = [m.web && parts.web, m.paper && parts.paper].filter((x): x is string => !!x);
	return parts.say(out.length ? out.join(parts.join) : parts.open, answer.join(parts.join) || '—');
}

export type OpenDataText = (typeof words)['ja'];

export function openDataText(lang: Language): OpenDataText {
	return words[lang] as unknown as OpenDataText;
}

export const columnWords = (column: Column, lang: Language) => COLUMN_WORDS[column][lang];
