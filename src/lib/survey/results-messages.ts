// Words of the public results page in each language (src/routes/s/[slug]/results).
import type { Language } from './schema';

const words = {
	ja: {
		pageTitle: (title: string) => `結果 | ${title}`,
		description: (title: string) => `${title}の結果（集計）です。`,
		heading: '結果',
		lead: (n: string, period?: string) =>
			`ご協力いただいた ${n} 人の回答を集計しました${period ? `（回答期間 ${period}）` : ''}。`,
		period: (from: string, to: string) => `${from}〜${to}`,
		synthetic: (n: string) =>
			`このページには、説明用の合成データ（${n} 件）が含まれています。実際の回答ではありません。`,
		summaryHeading: '主な結果',
		summaryNone: '個人が分からないよう伏せた数字があるため、ここにまとめて示せる結果はありません。各設問の結果をご覧ください。',
		topAnswer: (percent: string) => ['最も多かった回答は「', `」で、${percent} でした。`],
		topChoice: (percent: string) => ['最も多く選ばれたのは「', `」で、${percent} の方が選びました。`],
		contentsHeading: '目次',
		howToRead: 'この結果の見方',
		questions: (n: number) => `${n} 問`,
		toContents: '目次へ戻る',
		shares: '割合は、その設問にお答えいただく対象の方（前の設問の答えによって対象外となった方を除く）に占める割合です。',
		hiding: (k: number, mark: string) =>
			`個人が分からないよう、${k} 人未満の区分は「${mark}」とし、ほかの数字から計算できないよう別の区分も「${mark}」として伏せています。`,
		reference: '対象の方が 30 人未満の設問は「参考値」です。',
		freeText: '自由記述の内容は掲載していません。',
		openData: ['集計表は', 'オープンデータ（CSV・JSON）', 'としても公開しています。'],
		questionNumber: (n: number) => `問${n}`,
		multiple: '（いくつでも）',
		base: (n: string) => `対象 ${n} 人`,
		baseUnder: (k: number) => `対象 ${k} 人未満`,
		referenceMark: '参考値',
		mean: (m: string) => `平均 ${m}`,
		withheld: (k: number) => `対象の方が ${k} 人未満のため、結果は掲載していません。`,
		people: (n: string) => `${n}人`,
		legend: (k: number, mark: string) =>
			`「${mark}」は、人数が ${k} 人未満の区分と、ほかの数字から計算できないように伏せた区分です。`,
		unreadable: '不明',
		noAnswer: '無回答',
		bin: (from: string, to: string) => `${from}〜${to}未満`,
		backHome: 'アンケートの一覧に戻る'
	},
	easy: {
		pageTitle: (title: string) => `けっか | ${title}`,
		description: (title: string) => `${title}の けっか です。`,
		heading: 'けっか',
		lead: (n: string, period?: string) =>
			`${n}にんの こたえを まとめました。${period ? `こたえを うけつけた ひ：${period}。` : ''}`,
		period: (from: string, to: string) => `${from}から ${to}まで`,
		synthetic: (n: string) =>
			`この ページには、せつめいの ために つくった データが ${n}こ あります。ほんとうの こたえでは ありません。`,
		summaryHeading: 'だいじな けっか',
		summaryNone: 'かくした すうじが あるので、ここには かけません。ひとつずつの しつもんの けっかを みて ください。',
		topAnswer: (percent: string) => ['いちばん おおい こたえは「', `」です。${percent} です。`],
		topChoice: (percent: string) => ['いちばん おおく えらばれたのは「', `」です。${percent} の ひとが えらびました。`],
		contentsHeading: 'もくじ',
		howToRead: 'けっかの みかた',
		questions: (n: number) => `しつもん ${n}こ`,
		toContents: 'もくじへ もどる',
		shares: '％（パーセント）は、その しつもんに こたえる ひとの なかの わりあい です。まえの こたえで こたえなくて いい ひとは いれて いません。',
		hiding: (k: number, mark: string) =>
			`だれの こたえか わからない ように、${k}にんより すくない ところは「${mark}」に して います。ほかの すうじから わからない ように、ほかの ところも「${mark}」に する ことが あります。`,
		reference: 'こたえた ひとが 30にんより すくない しつもんは「さんこう」です。',
		freeText: 'じゆうに かいた こたえは のせて いません。',
		openData: ['けっかの ひょうは ', 'オープンデータ（CSV・JSON）', ' でも だして います。'],
		questionNumber: (n: number) => `しつもん ${n}`,
		multiple: '（いくつでも）',
		base: (n: string) => `こたえる ひと ${n}にん`,
		baseUnder: (k: number) => `こたえる ひと ${k}にんより すくない`,
		referenceMark: 'さんこう',
		mean: (m: string) => `へいきん ${m}`,
		withheld: (k: number) => `こたえる ひとが ${k}にんより すくないので、けっかは のせて いません。`,
		people: (n: string) => `${n}にん`,
		legend: (k: number, mark: string) =>
			`「${mark}」は、${k}にんより すくない ところと、ほかの すうじから わからない ように かくした ところ です。`,
		unreadable: 'よめなかった こたえ',
		noAnswer: 'こたえなし',
		bin: (from: string, to: string) => `${from}から ${to}の まえまで`,
		backHome: 'アンケートの リストに もどる'
	},
	en: {
		pageTitle: (title: string) => `Results | ${title}`,
		description: (title: string) => `The results of the ${title}.`,
		heading: 'Results',
		lead: (n: string, period?: string) =>
			`These are the answers of the ${n} people who took part${period ? ` (answers received ${period})` : ''}.`,
		period: (from: string, to: string) => `from ${from} to ${to}`,
		synthetic: (n: string) => `This page includes ${n} synthetic responses made for demonstration. They are not real answers.`,
		summaryHeading: 'Key findings',
		summaryNone: 'Some figures are hidden to protect individuals, so no summary can be given here. Please see each question’s results.',
		topAnswer: (percent: string) => ['The most common answer was “', `” (${percent}).`],
		topChoice: (percent: string) => ['Chosen most often: “', `”, by ${percent} of people.`],
		contentsHeading: 'Contents',
		howToRead: 'How to read these results',
		questions: (n: number) => `${n} ${n === 1 ? 'question' : 'questions'}`,
		toContents: 'Back to the contents',
		shares: 'Percentages are of the people each question was for (people skipped past it by an earlier answer are not counted).',
		hiding: (k: number, mark: string) =>
			`To protect individuals, groups of fewer than ${k} people are shown as “${mark}”, and so are other groups that would let them be worked out.`,
		reference: 'Questions answered by fewer than 30 people are marked “indicative”.',
		freeText: 'Written comments are not published.',
		openData: ['These tables are also published as ', 'open data (CSV and JSON)', '.'],
		questionNumber: (n: number) => `Q${n}`,
		multiple: ' (choose all that apply)',
		base: (n: string) => `Asked of ${n} people`,
		baseUnder: (k: number) => `Asked of fewer than ${k} people`,
		referenceMark: 'Indicative',
		mean: (m: string) => `Average ${m}`,
		withheld: (k: number) => `Fewer than ${k} people were asked this question, so its results are not published.`,
		people: (n: string) => `${n} ${n === '1' ? 'person' : 'people'}`,
		legend: (k: number, mark: string) =>
			`“${mark}” marks a group of fewer than ${k} people, or one hidden so that such a group cannot be worked out.`,
		unreadable: 'Unreadable',
		noAnswer: 'No answer',
		bin: (from: string, to: string) => `${from} to under ${to}`,
		backHome: 'Back to the list of surveys'
	}
} as const;

export type ResultsText = (typeof words)['ja'];

export function resultsText(lang: Language): ResultsText {
	return words[lang] as unknown as ResultsText;
}
