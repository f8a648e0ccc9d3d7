// The SPSS syntax offered beside the wide CSV (it runs in PSPP too): GET DATA reads the file,
// the answers' codes are read as text and turned into numbers so that a paper questionnaire's
// unreadable answer (不明) becomes the user-missing code -1 instead of an error, then every
// variable gets its label, every code its value label, and the weight is declared with WEIGHT
// BY when the survey has one. SPSS reads no line break inside a cell, so the CSV it reads is
// downloaded with line breaks in free text made spaces. Pure, like r-script.ts.
import { INVALID_CELL } from '$lib/survey/export-columns';
import { WEIGHT_COLUMN, type WideVariable } from '$lib/survey/wide-variables';
import type { ScriptSource } from './r-script';

/** The code an unreadable answer (不明) gets in a choice column: no option has it (codes are 0–9999). */
export const SPSS_UNREADABLE = -1;
/** SPSS's longest variable label and value label, in bytes. */
const VARIABLE_LABEL_BYTES = 255;
const VALUE_LABEL_BYTES = 120;

const utf8 = new TextEncoder();

/** A text cut to at most `bytes` bytes of UTF-8, never inside a character. */
function cut(text: string, bytes: number): string {
	let out = '';
	let used = 0;
	for (const ch of text.replace(/\s+/g, ' ')) {
		used += utf8.encode(ch).length;
		if (used > bytes) break;
		out += ch;
	}
	return out;
}

/** A string literal, in pieces joined with + so that no line grows long. */
function quoted(text: string): string {
	const chars = [...text];
	const pieces: string[] = [];
	for (let i = 0; i < chars.length || !pieces.length; i += 40) pieces.push(`'${chars.slice(i, i + 40).join('').replace(/'/g, "''")}'`);
	return pieces.join('\n    + ');
}

/** The columns read as text and turned into numbers: an answer's code or number, which may be 不明. */
const readAsText = (v: WideVariable) => v.answer && v.kind !== 'text';
const isNumeric = (v: WideVariable) => v.kind === 'number' || (v.kind === 'code' && v.values.every((l) => typeof l.code === 'number'));

function inputFormat(v: WideVariable, names: Map<string, string>): string {
	if (readAsText(v)) return `${names.get(v.name)} A${utf8.encode(INVALID_CELL).length + 20}`;
	if (v.name === WEIGHT_COLUMN) return `${v.name} F12.6`;
	if (isNumeric(v)) return `${v.name} F8.0`;
	return `${v.name} A${Math.min(32767, (v.width ?? 255) * 3)}`;
}

const comment = (text: string) => `* ${text}.`;

export function spssSyntax(s: ScriptSource): string {
	const vars = s.variables;
	const taken = new Set(vars.map((v) => v.name));
	// The text a code is read into first: a name of its own.
	const names = new Map<string, string>();
	for (const v of vars) {
		let name = v.name;
		if (readAsText(v)) {
			name = `${v.name}_s`;
			while (taken.has(name)) name += 's';
			taken.add(name);
		}
		names.set(v.name, name);
	}
	const coded = vars.filter((v) => readAsText(v) && v.kind === 'code');
	const numbers = vars.filter((v) => readAsText(v) && v.kind === 'number');
	const list = (vs: WideVariable[], name = (v: WideVariable) => v.name) => vs.map((v) => `  ${name(v)}`).join('\n');
	const lines = [
		comment('Encoding: UTF-8'),
		comment(s.title),
		comment(`個票データ（1 行 = 1 回答）を SPSS・PSPP で読み込むシンタックス（${s.day} 作成）`),
		comment('使い方：データのダウンロードのページで、個票（1 行 = 1 回答）を「番号（コード）」「UTF-8」「自由記述の改行を空白にする」で'),
		comment('CSV にダウンロードし、下の FILE にその場所を書いて実行します'),
		comment(`空欄はシステム欠損値です。紙の調査票で読み取れなかった回答（${INVALID_CELL}）は、選択肢の列では ${SPSS_UNREADABLE}（欠損値）、数値の列ではシステム欠損値です`),
		'',
		'GET DATA',
		'  /TYPE=TXT',
		`  /FILE=${quoted(s.csvFile)}`,
		"  /ENCODING='UTF8'",
		'  /ARRANGEMENT=DELIMITED',
		'  /DELCASE=LINE',
		'  /FIRSTCASE=2',
		"  /DELIMITERS=','",
		`  /QUALIFIER='"'`,
		'  /VARIABLES=',
		...vars.map((v) => `    ${inputFormat(v, names)}`),
		'.',
		''
	];
	const recode = (vs: WideVariable[], rule: string, format: string) => {
		if (!vs.length) return;
		lines.push(`RECODE\n${list(vs, (v) => names.get(v.name)!)}\n  ${rule} (CONVERT)\n  INTO\n${list(vs)}.`, `FORMATS\n${list(vs)}\n  (${format}).`);
	};
	recode(coded, `('${INVALID_CELL}'=${SPSS_UNREADABLE})`, 'F5.0');
	recode(numbers, `('${INVALID_CELL}'=SYSMIS)`, 'F10.2');
	lines.push(`MATCH FILES /FILE=*\n  /KEEP=\n${list(vars)}.`, 'EXECUTE.', '');
	lines.push('VARIABLE LABELS', vars.map((v) => `  ${v.name} ${quoted(cut(v.label, VARIABLE_LABEL_BYTES))}`).join('\n  /\n') + '.');
	const values = (v: WideVariable) =>
		[...v.values, ...(coded.includes(v) ? [{ code: SPSS_UNREADABLE, label: INVALID_CELL }] : [])]
			.map((l) => `    ${typeof l.code === 'number' ? l.code : quoted(l.code)} ${quoted(cut(l.label, VALUE_LABEL_BYTES))}`)
			.join('\n');
	const labelled = vars.filter((v) => v.values.length || coded.includes(v));
	if (labelled.length) lines.push('VALUE LABELS', labelled.map((v) => `  ${v.name}\n${values(v)}`).join('\n  /') + '.');
	if (coded.length) lines.push(`MISSING VALUES\n${list(coded)}\n  (${SPSS_UNREADABLE}).`);
	const level = (vs: WideVariable[], name: string) => (vs.length ? [`${list(vs)}\n  (${name})`] : []);
	const nominal = vars.filter((v) => v.kind === 'code' && isNumeric(v));
	const scale = vars.filter((v) => v.kind === 'number');
	if (nominal.length || scale.length) lines.push(`VARIABLE LEVEL\n${[...level(nominal, 'NOMINAL'), ...level(scale, 'SCALE')].join('\n  /')}.`);
	if (vars.some((v) => v.name === WEIGHT_COLUMN))
		lines.push('', comment('ウェイト：結果のページと同じ重み（weight 列）で集計します。重みを外すには WEIGHT OFF'), 'WEIGHT BY weight.');
	lines.push('EXECUTE.');
	return lines.join('\n') + '\n';
}
