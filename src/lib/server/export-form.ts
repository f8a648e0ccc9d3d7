// The analyst's export choices (which table, codes or labels, which encoding, whether to leave
// out synthetic responses), as a form schema read from the data page's form and from a download
// URL alike; a choice it does not know falls back to the usual one.
import { ENCODINGS } from './csv/encoding';
import { KINDS } from './data-export';
import { checkbox, choice, formObject } from './form-schema';
import type { z } from 'zod';

export const exportChoiceForm = formObject({
	kind: choice(KINDS, { fallback: 'wide' as const }),
	values: choice(['codes', 'labels'], { fallback: 'codes' as const }),
	encoding: choice(ENCODINGS, { fallback: 'utf8bom' as const }),
	leaveOutSynthetic: checkbox()
});

export type ExportChoice = z.output<typeof exportChoiceForm.schema>;

export const downloadQuery = (c: ExportChoice) =>
	new URLSearchParams({ kind: c.kind, values: c.values, encoding: c.encoding, ...(c.leaveOutSynthetic ? { leaveOutSynthetic: 'on' } : {}) }).toString();
