// The R script offered beside the wide CSV: it reads the file (UTF-8, its BOM dropped), checks
// that the columns are the questionnaire's, makes each choice column a factor of its labels,
// each number a number, gives every column its question as a "label" attribute, and declares
// the weight with survey::svydesign when the survey has one. Pure: written from the variables
// of the wide export (src/lib/survey/wide-variables.ts).
import { INVALID_CELL } from '$lib/survey/export-columns';
import { WEIGHT_COLUMN, type WideVariable } from '$lib/survey/wide-variables';

export interface ScriptSource {
	/** The survey's title. */
	title: string;
	/** The name of the wide CSV, as its download is named. */
	csvFile: string;
	/** The script's own name, for the line that runs it. */
	scriptFile: string;
	variables: WideVariable[];
	/** The day it was written. */
	day: string;
}

/** An R string literal (R reads JSON's escapes, and UTF-8 as it is). */
const str = (s: string) => JSON.stringify(s);
const vector = (items: (string | number)[]) => `c(${items.map((v) => str(String(v))).join(', ')})`;

function conversion(v: WideVariable): string {
	const x = `d[[${str(v.name)}]]`;
	if (v.kind === 'code' && v.values.length) {
		const codes = vector(v.values.map((l) => l.code));
		const labels = vector(v.values.map((l) => l.label));
		return v.answer ? `coded(${x}, ${codes}, ${labels})` : `factor(${x}, levels = ${codes}, labels = ${labels})`;
	}
	if (v.kind === 'number' || v.kind === 'code') return v.answer ? `number(${x})` : `as.numeric(${x})`;
	return v.answer ? `text(${x})` : x;
}

export function rScript(s: ScriptSource): string {
	const weighted = s.variables.some((v) => v.name === WEIGHT_COLUMN);
	const lines = [
		`# ${s.title}`,
		`# 個票データ（1 行 = 1 回答）を R で読み込むスクリプト（${s.day} 作成）`,
		'#',
		'# 使い方：データのダウンロードのページで、個票（1 行 = 1 回答）を「番号（コード）」「UTF-8」の CSV で',
		'# ダウンロードし、このスクリプトと同じフォルダーに置いて、そのフォルダーで次のように実行します。',
		`#   source(${str(s.scriptFile)}, encoding = "UTF-8")`,
		'# CSV の名前が違うときは、下の csv_file を書き換えてください。',
		'#',
		'# 読み込んだデータは d（data.frame）です。選択肢の列は選択肢の文言を水準にした factor、数値の列は',
		'# numeric、自由記述は文字列で、各列の設問文は attr(d$列名, "label") にあります。空欄（NA）は、表示',
		`# されなかった設問か無回答です。紙の調査票で読み取れなかった回答は、選択肢の列では水準「${INVALID_CELL}」、`,
		'# 数値の列では NA です。',
		'',
		`csv_file <- ${str(s.csvFile)}`,
		'd <- read.csv(csv_file, fileEncoding = "UTF-8-BOM", colClasses = "character", na.strings = "", check.names = FALSE)',
		`columns <- ${vector(s.variables.map((v) => v.name))}`,
		'if (!identical(names(d), columns)) stop("列が調査票と合いません。この調査の個票（1 行 = 1 回答）の CSV か確かめてください。")',
		'',
		'labelled <- function(x, label) { attr(x, "label") <- label; x }',
		'coded <- function(x, codes, labels) {',
		`  unknown <- setdiff(x[!is.na(x)], c(codes, ${str(INVALID_CELL)}))`,
		'  if (length(unknown)) warning("調査票にない値：", paste(head(unknown, 5), collapse = "、"), "（番号（コード）の CSV か確かめてください）")',
		`  factor(x, levels = c(codes, ${str(INVALID_CELL)}), labels = c(labels, ${str(INVALID_CELL)}))`,
		'}',
		`number <- function(x) suppressWarnings(as.numeric(ifelse(x == ${str(INVALID_CELL)}, NA, x)))`,
		'# 表計算ソフトが計算式として動かさないよう先頭に付けた \' を外します。',
		'text <- function(x) sub("^\'([-=+@\\t\\r])", "\\\\1", x)',
		'',
		...s.variables.map((v) => `d[[${str(v.name)}]] <- labelled(${conversion(v)}, ${str(v.label)})`)
	];
	if (weighted)
		lines.push(
			'',
			'# ウェイト（weight 列）：結果のページと同じ重みで集計するには、survey パッケージで標本の設計を宣言します。',
			'# 例：survey::svymean(~F1, design, na.rm = TRUE)、survey::svytotal(~F1, design, na.rm = TRUE)',
			'if (requireNamespace("survey", quietly = TRUE)) {',
			'  design <- survey::svydesign(ids = ~1, weights = ~weight, data = d)',
			'} else {',
			'  message("ウェイト付きで集計するには survey パッケージを入れてください：install.packages(\\"survey\\")")',
			'}'
		);
	return lines.join('\n') + '\n';
}
