// The analyst's export choices (which table, codes or labels, which encoding, whether to leave
// out synthetic responses, free text on one line, and the file: CSV, an Excel workbook, or the
// R or SPSS script that reads the wide CSV), as a form schema read from the data page's form and
// from a download URL alike; a choice it does not know falls back to the usual one.
import { ENCODINGS } from './csv/encoding';
import { KINDS } from './data-export';
import { checkbox, choice, formObject } from './form-schema';
import type { z } from 'zod';

export const FORMATS = ['csv', 'xlsx', 'r', 'sps'] as const;
export type Format = (typeof FORMATS)[number];

export const exportChoiceForm = formObject({
	kind: choice(KINDS, { fallback: 'wide' as const }),
	values: choice(['codes', 'labels'], { fallback: 'codes' as const }),
	encoding: choice(ENCODINGS, { fallback: 'utf8bom' as const }),
	leaveOutSynthetic: checkbox(),
	oneLine: checkbox(),
	format: choice(FORMATS, { fallback: 'csv' as const })
});

export type ExportChoice = z.output<typeof exportChoiceForm.schema>;

export const downloadQuery = (c: ExportChoice) =>
	new URLSearchParams({
		kind: c.kind,
		values: c.values,
		encoding: c.encoding,
		...(c.leaveOutSynthetic ? { leaveOutSynthetic: 'on' } : {}),
		...(c.oneLine ? { oneLine: 'on' } : {}),
		...(c.format !== 'csv' ? { format: c.format } : {})
	}).toString();
