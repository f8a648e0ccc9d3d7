// A sound starting point for a new questionnaire: consent texts a city office can use as they
// are, and one section with one question, so that the document is valid from the start.
import type { Questionnaire } from './schema';

export function blankQuestionnaire(title: string): Questionnaire {
	return {
		format: 1,
		title: { ja: title },
		languages: ['ja'],
		consent: {
			purpose: { ja: '市の施策の検討に役立てるため、市民の皆さまのご意見をおうかがいします。' },
			stored: { ja: 'ご回答の内容と、回答を受け付けた日付（年月日）だけを保存します。お名前やご住所はおうかがいしません。' },
			notStored: {
				ja: 'IPアドレス、お使いの端末やブラウザの情報、回答した正確な時刻、回答者を識別するための情報（Cookie など）は保存しません。'
			},
			access: { ja: '個々の回答を見ることができるのは、権限を与えられた担当職員だけです。' },
			retention: { ja: '回答は集計と分析のため、調査終了後5年間保存し、その後は消去します。' },
			publication: { ja: '結果は統計として公表します。人数の少ない区分は、個人が特定されないよう数値を伏せます。' },
			voluntary: { ja: 'ご回答は任意です。「必須」と書かれた設問以外は、答えたくない設問を飛ばしていただいて構いません。' },
			contact: { ja: '市役所 担当課' },
			agree: { ja: '上記の内容を確認し、アンケートに回答することに同意します' }
		},
		sections: [
			{
				key: 'S1',
				title: { ja: 'セクション1' },
				questions: [
					{
						key: 'Q1',
						type: 'single',
						label: { ja: '設問の文を入力してください。' },
						options: [
							{ code: 1, label: { ja: 'はい' } },
							{ code: 2, label: { ja: 'いいえ' } }
						]
					}
				]
			}
		]
	};
}
