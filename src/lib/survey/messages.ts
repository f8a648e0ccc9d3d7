// Words on the resident's pages in each language, and the error messages for answers.
// Japanese as a city office writes it; やさしい日本語 with short sentences and simple words.
import type { Language, Question, Text } from './schema';
import type { AnswerError } from './validate-answers';
import { plainText } from './ruby';

/**
 * The text in the wanted language, falling back to Japanese, as plain text (a name's reading in
 * brackets: 山口市（やまぐちし）). RubyText.svelte draws the same text with furigana.
 */
export function t(text: Text | undefined, lang: Language): string {
	if (!text) return '';
	return plainText(text[lang] ?? text.ja);
}

const ui = {
	ja: {
		languageName: '日本語',
		language: '言語',
		textSize: '文字の大きさ',
		sizeNormal: '標準',
		sizeLarge: '大',
		sizeHuge: '特大',
		required: '必須',
		optional: '任意',
		start: '回答を始める',
		next: '次へ',
		back: '戻る',
		submit: '回答を送信する',
		submitting: '送信しています…',
		// The review before sending, and the one-page form's steps (issue 16).
		reviewButton: '回答内容を確認する',
		reviewTitle: '回答内容の確認',
		reviewLead: 'まだ送信されていません。内容をご確認のうえ、いちばん下の「回答を送信する」を押してください。',
		edit: '修正する',
		backToReview: '確認画面に戻る',
		backToForm: '入力画面に戻る',
		noAnswer: '（回答なし）',
		errorTitle: '入力内容を確認してください',
		questionNumber: (n: number) => `問${n}`,
		progress: (current: number, total: number) => `${total} ページ中 ${current} ページ目`,
		consentTitle: 'アンケートにご協力いただく前に',
		fullNotice: '個人情報の取扱い（全文）を読む',
		privacyTitle: 'このアンケートの個人情報の取扱い',
		privacyLink: 'このアンケートの個人情報の取扱い',
		decline: '同意しないで終わる（トップページへ）',
		backToSurvey: 'アンケートに戻る',
		consentHeadings: {
			purpose: 'このアンケートの目的',
			stored: '保存する情報',
			notStored: '保存しない情報',
			access: '回答を見ることができる人',
			retention: '保存する期間',
			publication: '結果の公表',
			voluntary: '回答は任意です',
			contact: 'お問い合わせ'
		},
		consentRequired: '回答を始めるには、同意の確認欄にチェックを入れてください。',
		errorSummary: (n: number) => `${n} 件の入力内容を確認してください。`,
		clear: '入力内容を消去',
		clearConfirm: 'この端末に保存された入力内容をすべて消去します。よろしいですか。',
		cleared: '入力内容を消去しました。',
		carriedOver: 'アンケートの内容が一部改められました。入力済みのご回答は引き継いでいますので、お手数ですが各ページを確認しながらお進みください。',
		savedOnDevice:
			'入力内容はこの端末にだけ一時的に保存され、送信すると消去されます（7日で自動的に消去）。共用の端末では、終わったら「入力内容を消去」を押してください。',
		conditionalNote: 'この設問は、次の方だけお答えください：',
		// Never shown: a Japanese page has every text in Japanese.
		shownInJapanese: '',
		otherPlaceholder: '具体的に',
		chooseOne: '選んでください',
		chooseUpTo: (n: number) => `${n} つまで選べます`,
		chooseAtLeast: (n: number) => `${n} つ以上選んでください`,
		characters: (n: number) => `${n} 文字まで`,
		noScript:
			'このページは 1 ページですべての設問を表示しています。お答えにならない設問は空欄のままで構いません。最後に「回答内容を確認する」を押すと、送信する前に内容を確認できます。',
		thanksTitle: 'ご回答ありがとうございました',
		thanksBody: '回答を受け付けました。いただいたご意見は、今後の市の取り組みに生かしてまいります。',
		backHome: 'トップページへ戻る',
		notOpenTitle: 'このアンケートはまだ始まっていません',
		notOpenBody: (date: string) => `${date} から回答できます。`,
		closedTitle: 'このアンケートは終了しました',
		closedBody: 'たくさんのご回答をありがとうございました。',
		rateLimited: '短い時間に送信が続いたため、受け付けを一時的に止めています。しばらくしてからもう一度お試しください。',
		badRequest: '送信された内容を読み取れませんでした。お手数ですが、ページを読み込み直してもう一度お試しください。',
		offline: '通信がつながらず、送信できませんでした。ご回答はこの端末に残っています。電波の届く場所で、もう一度「回答を送信する」を押してください。',
		invitationTitle: '招待コードの入力',
		invitationBody: 'このアンケートは、案内状をお送りした方にお答えいただいています。案内状に記載された 12 けたの招待コードを入力してください。',
		invitationQr: 'スマートフォンでは、案内状の QR コードを読み取ると、この入力を省けます。',
		invitationLabel: '招待コード（12 けたの数字）',
		invitationExample: '例：1234-5678-9012（「-」は入力しなくても構いません）',
		invitationPrivacy: '招待コードは、お一人が一回だけ回答できるようにするためにだけ使います。コードと回答の内容を結び付けて保存することはありません。',
		invitationSubmit: '次へ',
		invitationContact: 'ご不明な点は、次までお問い合わせください。',
		invitationProblems: {
			missing: '',
			malformed: '招待コードは 12 けたの数字です。案内状のとおりに入力してください。',
			unknown: '入力された招待コードが見つかりません。案内状のコードをもう一度ご確認ください。',
			used: 'この招待コードは、すでに回答に使われています。回答はお一人につき一回です。',
			rateLimited: '短い時間に何度も招待コードが入力されたため、確認を一時的に止めています。しばらくしてからもう一度お試しください。'
		},
		invitationRefused: 'この招待コードでは回答を受け付けられませんでした。すでに回答に使われたか、無効になっています。'
	},
	easy: {
		languageName: 'やさしい にほんご',
		language: 'ことば',
		textSize: 'もじの おおきさ',
		sizeNormal: 'ふつう',
		sizeLarge: 'おおきい',
		sizeHuge: 'とても おおきい',
		required: 'かならず こたえる',
		optional: 'こたえなくても いい',
		start: 'はじめる',
		next: 'つぎへ',
		back: 'まえへ',
		submit: 'おくる',
		submitting: 'おくっています…',
		reviewButton: 'こたえを たしかめる',
		reviewTitle: 'こたえの たしかめ',
		reviewLead: 'まだ おくって いません。こたえを よんで ください。いちばん したの「おくる」を おすと おくります。',
		edit: 'なおす',
		backToReview: 'たしかめる ページに もどる',
		backToForm: 'こたえる ページに もどる',
		noAnswer: '（こたえて いません）',
		errorTitle: 'いれた ものを もう いちど みて ください',
		questionNumber: (n: number) => `しつもん ${n}`,
		progress: (current: number, total: number) => `${total} ページの うち ${current} ページめ`,
		consentTitle: 'はじめる まえに よんで ください',
		fullNotice: 'じょうほうの あつかいを ぜんぶ よむ',
		privacyTitle: 'この アンケートの じょうほうの あつかい',
		privacyLink: 'この アンケートの じょうほうの あつかい',
		decline: 'こたえないで おわる（はじめの ページへ）',
		backToSurvey: 'アンケートに もどる',
		consentHeadings: {
			purpose: 'なんの ための アンケート ですか',
			stored: 'のこす もの',
			notStored: 'のこさない もの',
			access: 'こたえを みる ひと',
			retention: 'いつまで のこしますか',
			publication: 'けっかの おしらせ',
			voluntary: 'こたえるか どうかは じゆう です',
			contact: 'ききたい ことが あるとき'
		},
		consentRequired: 'はじめるには、「わかりました」に チェックを いれて ください。',
		errorSummary: (n: number) => `${n}この ところを もう いちど みて ください。`,
		clear: 'いれた ものを けす',
		clearConfirm: 'この スマホや パソコンに のこっている こたえを ぜんぶ けします。いいですか。',
		cleared: 'いれた ものを けしました。',
		carriedOver: 'アンケートの なかみが すこし かわりました。あなたが いれた こたえは のこって います。ページを ひとつずつ みて、たしかめて ください。',
		savedOnDevice:
			'こたえは この スマホや パソコンに すこしの あいだ だけ のこります。おくると きえます（7にちで きえます）。みんなで つかう パソコンでは、おわったら「いれた ものを けす」を おして ください。',
		conditionalNote: 'つぎの ひと だけ こたえて ください：',
		shownInJapanese: 'やさしい にほんごが まだ ないので、ふつうの にほんごで のせて います。',
		otherPlaceholder: 'くわしく かいて ください',
		chooseOne: 'えらんで ください',
		chooseUpTo: (n: number) => `${n}つ まで えらべます`,
		chooseAtLeast: (n: number) => `${n}つ いじょう えらんで ください`,
		characters: (n: number) => `${n}もじ まで`,
		noScript: 'この ページに ぜんぶの しつもんが あります。こたえない しつもんは そのままで いいです。さいごに「こたえを たしかめる」を おして ください。おくる まえに こたえを みる ことが できます。',
		thanksTitle: 'ありがとう ございました',
		thanksBody: 'こたえを うけとりました。こたえは 山口市（やまぐちし）の しごとに つかいます。',
		backHome: 'はじめの ページへ もどる',
		notOpenTitle: 'この アンケートは まだ はじまって いません',
		notOpenBody: (date: string) => `${date} から こたえられます。`,
		closedTitle: 'この アンケートは おわりました',
		closedBody: 'ありがとう ございました。',
		rateLimited: 'たくさん おくられたので、いまは うけとれません。すこし まってから もういちど おくって ください。',
		badRequest: 'おくった ものが よめませんでした。ページを もういちど ひらいて から おくって ください。',
		offline: 'インターネットに つながらなかったので、おくれませんでした。こたえは この きかいに のこって います。つながる ところで もういちど「おくる」を おして ください。',
		invitationTitle: 'しょうたい コード',
		invitationBody: 'この アンケートは、てがみを もらった ひとが こたえます。てがみに かいてある 12 この すうじ（しょうたい コード）を いれて ください。',
		invitationQr: 'スマートフォンで てがみの QR コードを よみとると、いれなくても いいです。',
		invitationLabel: 'しょうたい コード（12 この すうじ）',
		invitationExample: 'れい：1234-5678-9012（「-」は いれなくても いいです）',
		invitationPrivacy: 'しょうたい コードは、ひとりが 1かいだけ こたえる ために つかいます。コードと こたえを いっしょに のこす ことは ありません。',
		invitationSubmit: 'つぎへ',
		invitationContact: 'わからない ことは ここに きいて ください。',
		invitationProblems: {
			missing: '',
			malformed: 'しょうたい コードは 12 この すうじです。てがみを みて いれて ください。',
			unknown: 'この しょうたい コードは ありません。てがみの コードを もういちど みて ください。',
			used: 'この しょうたい コードは もう つかわれました。こたえるのは ひとり 1かいです。',
			rateLimited: 'たくさん いれたので、いまは しらべられません。すこし まってから もういちど いれて ください。'
		},
		invitationRefused: 'この しょうたい コードでは こたえを うけとれませんでした。もう つかわれたか、つかえなく なって います。'
	},
	en: {
		languageName: 'English',
		language: 'Language',
		textSize: 'Text size',
		sizeNormal: 'Normal',
		sizeLarge: 'Large',
		sizeHuge: 'Extra large',
		required: 'Required',
		optional: 'Optional',
		start: 'Start the survey',
		next: 'Next',
		back: 'Back',
		submit: 'Submit your answers',
		submitting: 'Submitting…',
		reviewButton: 'Check your answers',
		reviewTitle: 'Check your answers',
		reviewLead: 'Your answers have not been sent yet. Please check them, then press “Submit your answers” at the bottom.',
		edit: 'Change',
		backToReview: 'Back to checking your answers',
		backToForm: 'Back to the questions',
		noAnswer: '(no answer)',
		errorTitle: 'Please check your answers',
		questionNumber: (n: number) => `Q${n}`,
		progress: (current: number, total: number) => `Page ${current} of ${total}`,
		consentTitle: 'Before you start',
		fullNotice: 'Read the full privacy notice',
		privacyTitle: 'How this survey handles your information',
		privacyLink: 'How this survey handles your information',
		decline: 'Do not take part (back to the home page)',
		backToSurvey: 'Back to the survey',
		consentHeadings: {
			purpose: 'Why we are asking',
			stored: 'What we keep',
			notStored: 'What we do not keep',
			access: 'Who can see the answers',
			retention: 'How long we keep them',
			publication: 'How results are published',
			voluntary: 'Taking part is voluntary',
			contact: 'Contact'
		},
		consentRequired: 'To start, please tick the box to say you agree.',
		errorSummary: (n: number) => `Please check ${n} ${n === 1 ? 'answer' : 'answers'}.`,
		clear: 'Clear my answers',
		clearConfirm: 'This removes every answer saved on this device. Continue?',
		cleared: 'Your answers have been cleared.',
		carriedOver: 'The survey has been updated. Your answers so far are kept; please look through each page as you go on.',
		savedOnDevice:
			'Your answers are kept on this device only until you submit them (and for no more than 7 days). On a shared device, press “Clear my answers” when you finish.',
		conditionalNote: 'Please answer only if:',
		shownInJapanese: 'Shown in Japanese: no English translation yet.',
		otherPlaceholder: 'Please specify',
		chooseOne: 'Please choose',
		chooseUpTo: (n: number) => `Choose up to ${n}`,
		chooseAtLeast: (n: number) => `Choose at least ${n}`,
		characters: (n: number) => `Up to ${n} characters`,
		noScript: 'All questions are on this one page. You may leave any question you do not wish to answer blank. At the end, press “Check your answers” to see them before you send them.',
		thanksTitle: 'Thank you for your answers',
		thanksBody: 'We have received your answers. They will help the city plan its work.',
		backHome: 'Back to the home page',
		notOpenTitle: 'This survey has not started yet',
		notOpenBody: (date: string) => `You can answer from ${date}.`,
		closedTitle: 'This survey has closed',
		closedBody: 'Thank you to everyone who took part.',
		rateLimited: 'Too many submissions came in a short time. Please wait a little and try again.',
		badRequest: 'We could not read what was sent. Please reload the page and try again.',
		offline: 'Your answers could not be sent: there was no connection. They are kept on this device. Where you have a signal, please press “Submit your answers” again.',
		invitationTitle: 'Invitation code',
		invitationBody: 'This survey is for residents who received an invitation letter. Please enter the 12-digit invitation code printed on your letter.',
		invitationQr: 'On a smartphone, scanning the QR code on the letter skips this step.',
		invitationLabel: 'Invitation code (12 digits)',
		invitationExample: 'Example: 1234-5678-9012 (the dashes are optional)',
		invitationPrivacy: 'The code is used only so that each person answers once. It is never stored together with your answers.',
		invitationSubmit: 'Next',
		invitationContact: 'If you have any questions, please contact:',
		invitationProblems: {
			missing: '',
			malformed: 'The invitation code has 12 digits. Please enter it as printed on your letter.',
			unknown: 'We could not find that invitation code. Please check the code on your letter again.',
			used: 'This invitation code has already been used. Each person may answer once.',
			rateLimited: 'The code was entered too many times in a short time, so checking is paused. Please wait a little and try again.'
		},
		invitationRefused: 'We could not accept answers with this invitation code. It has already been used or is no longer valid.'
	}
} as const;

export type UiText = (typeof ui)['ja'];

export function uiText(lang: Language): UiText {
	return ui[lang] as unknown as UiText;
}

/**
 * Words of the pages around the surveys (the header, the home page, the footer, the error
 * page), in each language. Japanese names residents see on signs and letters are also given
 * in Japanese on the other pages (the office's name), marked lang="ja" where they are shown.
 */
const site = {
	ja: {
		city: '山口市',
		skipLink: '本文へ移動',
		settings: '文字・言語',
		settingsOther: { text: 'Language', lang: 'en' },
		siteTitle: '山口市 市民アンケート',
		homeHeading: '市民アンケート',
		homeDescription: '山口市が実施している市民アンケートの一覧です。',
		homeIntro:
			'山口市が実施しているアンケートです。お名前やご住所をおうかがいすることはありません。スマートフォンやパソコンからお答えいただけます。',
		openHeading: '回答を受け付けているアンケート',
		noneOpen: '現在、回答を受け付けているアンケートはありません。',
		closesAt: (date: string) => `回答期限：${date}まで`,
		invitationOnly: '案内状をお送りした方にお答えいただくアンケートです。案内状の招待コードをご用意ください。',
		answer: '回答する',
		upcomingHeading: 'これから始まるアンケート',
		opensAt: (date: string) => `${date}から回答できます。`,
		closedHeading: '最近終了したアンケート',
		closed: (date?: string) => `受付を終了しました${date ? `（${date}）` : ''}。ご協力ありがとうございました。`,
		seeResults: '結果を見る',
		office: '山口市 総合政策部 スマートシティ推進室',
		officeInJapanese: false,
		staffLink: '職員の方はこちら',
		errorTitle: 'エラー',
		notFoundTitle: 'ページが見つかりません',
		notFoundDefault: 'お探しのページは見つかりませんでした。',
		notFoundBody:
			'アドレス（URL）に誤りがないか、もう一度お確かめください。お手元の案内状のQRコードからも開くことができます。',
		forbiddenTitle: '権限がありません',
		forbiddenBody: '必要な場合は、システム管理者に役割の追加を依頼してください。',
		forbiddenBack: '管理画面のトップへ戻る',
		refusedTitle: '送信を受け付けられませんでした',
		refusedBody: 'お手数ですが、前のページに戻るか、ページを開き直してから、もう一度お試しください。',
		failedTitle: 'ただいま表示できません',
		failedBody: 'しばらくしてから、もう一度お試しください。',
		errorId: 'お問い合わせの際は、次の番号をお伝えください：'
	},
	easy: {
		city: '{山口市|やまぐちし}',
		skipLink: 'ほんぶんへ いく',
		settings: 'もじ・ことば',
		settingsOther: { text: 'Language', lang: 'en' },
		siteTitle: 'やまぐちしの アンケート',
		homeHeading: 'やまぐちしの アンケート',
		homeDescription: 'やまぐちしの アンケートの リスト です。',
		homeIntro:
			'やまぐちしが して いる アンケート です。なまえや じゅうしょは ききません。スマホや パソコンで こたえる ことが できます。',
		openHeading: 'いま こたえられる アンケート',
		noneOpen: 'いま こたえられる アンケートは ありません。',
		closesAt: (date: string) => `${date}まで こたえられます。`,
		invitationOnly:
			'てがみを もらった ひとが こたえる アンケート です。てがみに ある しょうたい コードを よういして ください。',
		answer: 'こたえる',
		upcomingHeading: 'これから はじまる アンケート',
		opensAt: (date: string) => `${date}から こたえられます。`,
		closedHeading: 'おわった アンケート',
		closed: (date?: string) => `おわりました${date ? `（${date}）` : ''}。ありがとう ございました。`,
		seeResults: 'けっかを みる',
		office: 'やまぐちし スマートシティ すいしんしつ',
		officeInJapanese: true,
		staffLink: 'しやくしょで はたらく ひと',
		errorTitle: 'エラー',
		notFoundTitle: 'ページが ありません',
		notFoundDefault: 'さがして いる ページは ありませんでした。',
		notFoundBody: 'アドレス（URL）を もう いちど みて ください。てがみの QR コードからも ひらけます。',
		forbiddenTitle: 'この ページは みられません',
		forbiddenBody: 'システムの せきにんしゃに きいて ください。',
		forbiddenBack: 'かんりの ページへ もどる',
		refusedTitle: 'おくった ものを うけとれませんでした',
		refusedBody: 'まえの ページに もどるか、ページを もう いちど ひらいて ください。それから もう いちど おくって ください。',
		failedTitle: 'いまは みる ことが できません',
		failedBody: 'すこし まってから、もう いちど ひらいて ください。',
		errorId: 'きく ときは、この ばんごうを いって ください：'
	},
	en: {
		city: 'Yamaguchi City',
		skipLink: 'Skip to main content',
		settings: 'Text & language',
		settingsOther: { text: '言語', lang: 'ja' },
		siteTitle: 'Yamaguchi City resident surveys',
		homeHeading: 'Resident surveys',
		homeDescription: 'The surveys Yamaguchi City is running for its residents.',
		homeIntro:
			'These are the surveys Yamaguchi City is running. We never ask for your name or address. You can answer on a smartphone or a computer.',
		openHeading: 'Surveys open now',
		noneOpen: 'No survey is open at the moment.',
		closesAt: (date: string) => `Open until ${date}`,
		invitationOnly:
			'This survey is for residents who received an invitation letter. Please have the invitation code from your letter ready.',
		answer: 'Answer the survey',
		upcomingHeading: 'Coming soon',
		opensAt: (date: string) => `You can answer from ${date}.`,
		closedHeading: 'Recently closed',
		closed: (date?: string) => `Closed${date ? ` on ${date}` : ''}. Thank you for taking part.`,
		seeResults: 'See the results',
		office: 'Smart City Promotion Office, Yamaguchi City',
		officeInJapanese: true,
		staffLink: 'For city staff (in Japanese)',
		errorTitle: 'Error',
		notFoundTitle: 'Page not found',
		notFoundDefault: 'We could not find the page you were looking for.',
		notFoundBody: 'Please check the address (URL). You can also open a survey from the QR code on your letter.',
		forbiddenTitle: 'Not allowed',
		forbiddenBody: 'If you need this page, ask the system administrator to add the role to your account.',
		forbiddenBack: 'Back to the staff pages',
		refusedTitle: 'We could not accept what was sent',
		refusedBody: 'Please go back, or open the page again, and then try once more.',
		failedTitle: 'This page cannot be shown right now',
		failedBody: 'Please try again a little later.',
		errorId: 'If you contact us, please give this number:'
	}
} as const;

/** Errors of the residents' pages, in the three languages (App.Error). */
export const SURVEY_NOT_FOUND = {
	message: 'お探しのアンケートは見つかりませんでした。',
	easy: 'さがして いる アンケートは ありませんでした。',
	en: 'We could not find that survey.'
};
export const RESULTS_NOT_PUBLIC = {
	message: 'このアンケートの結果は、まだ公開していません。',
	easy: 'この アンケートの けっかは まだ みられません。',
	en: 'The results of this survey have not been published yet.'
};

/** The city office's name as it is written on its signs and letters. */
export const OFFICE_NAME = '山口市 総合政策部 スマートシティ推進室';

export type SiteText = (typeof site)['ja'];

export function siteText(lang: Language): SiteText {
	return site[lang] as unknown as SiteText;
}

/** The language a text is shown in: the wanted one, or Japanese when it has no translation. */
export function shownLanguage(text: Text | undefined, lang: Language): Language {
	return text?.[lang] ? lang : 'ja';
}

/** The message shown beside a question and in the summary at the top of the page. */
export function errorMessage(error: AnswerError, q: Question, lang: Language): string {
	const rowLabels = (keys: string[]) =>
		q.type === 'matrix'
			? q.rows.filter((r) => keys.includes(r.key)).map((r) => `「${t(r.label, lang)}」`).join('')
			: '';
	const m = {
		ja: {
			required: q.type === 'text' || q.type === 'longtext' || q.type === 'number'
				? 'この設問は必須です。入力してください。'
				: 'この設問は必須です。選んでください。',
			invalid: '選択肢にない値が送られました。もう一度選び直してください。',
			minSelect: (n: number) => `${n} つ以上選んでください。`,
			maxSelect: (n: number) => `選べるのは ${n} つまでです。選ぶ数を減らしてください。`,
			exclusive: '「ない」などの選択肢は、ほかの選択肢と一緒には選べません。',
			otherMissing: '「その他」を選んだ場合は、内容を具体的に入力してください。',
			matrixIncomplete: (rows: string) => `まだ選ばれていない項目があります：${rows}`,
			notNumber: '数字で入力してください。',
			notInteger: '整数（小数点のない数）で入力してください。',
			belowMin: (n: number) => `${n} 以上の数を入力してください。`,
			aboveMax: (n: number) => `${n} 以下の数を入力してください。`,
			tooLong: (n: number) => `${n} 文字以内で入力してください。`
		},
		easy: {
			required: 'ここは かならず こたえて ください。',
			invalid: 'えらべない ものが おくられました。もう いちど えらんで ください。',
			minSelect: (n: number) => `${n}つ いじょう えらんで ください。`,
			maxSelect: (n: number) => `${n}つ まで です。すこし へらして ください。`,
			exclusive: '「ない」は ほかの ものと いっしょに えらべません。',
			otherMissing: '「そのほか」を えらんだ ときは、くわしく かいて ください。',
			matrixIncomplete: (rows: string) => `まだ えらんで いない ところが あります：${rows}`,
			notNumber: 'すうじで かいて ください。',
			notInteger: '「.」の ない すうじで かいて ください。',
			belowMin: (n: number) => `${n}より ちいさい かずは かけません。`,
			aboveMax: (n: number) => `${n}より おおきい かずは かけません。`,
			tooLong: (n: number) => `${n}もじ までに して ください。`
		},
		en: {
			required: 'This question is required.',
			invalid: 'A value that is not one of the choices was sent. Please choose again.',
			minSelect: (n: number) => `Please choose at least ${n}.`,
			maxSelect: (n: number) => `You can choose up to ${n}. Please choose fewer.`,
			exclusive: 'An answer such as “none” cannot be chosen together with other answers.',
			otherMissing: 'You chose “Other”: please say what.',
			matrixIncomplete: (rows: string) => `Some items have no answer yet: ${rows}`,
			notNumber: 'Please enter a number.',
			notInteger: 'Please enter a whole number.',
			belowMin: (n: number) => `Please enter ${n} or more.`,
			aboveMax: (n: number) => `Please enter ${n} or less.`,
			tooLong: (n: number) => `Please use no more than ${n} characters.`
		}
	}[lang];
	switch (error.code) {
		case 'required':
		case 'invalid':
		case 'exclusive':
		case 'otherMissing':
		case 'notNumber':
		case 'notInteger':
			return m[error.code];
		case 'minSelect':
			return m.minSelect(error.min);
		case 'maxSelect':
			return m.maxSelect(error.max);
		case 'matrixIncomplete':
			return m.matrixIncomplete(rowLabels(error.rows));
		case 'belowMin':
			return m.belowMin(error.min);
		case 'aboveMax':
			return m.aboveMax(error.max);
		case 'tooLong':
			return m.tooLong(error.max);
	}
}
