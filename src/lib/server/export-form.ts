// Reads the analyst's export choices from a form or a download URL.
import { ENCODINGS, type Encoding } from './csv/encoding';
import { KINDS, type Kind } from './data-export';
import type { ValueMode } from '$lib/survey/export-columns';

export interface ExportChoice {
	kind: Kind;
	values: ValueMode;
	encoding: Encoding;
}

export function readExportChoice(get: (name: string) => string | null): ExportChoice {
	const kind = get('kind');
	const encoding = get('encoding');
	return {
		kind: KINDS.includes(kind as Kind) ? (kind as Kind) : 'wide',
		values: get('values') === 'labels' ? 'labels' : 'codes',
		encoding: ENCODINGS.includes(encoding as Encoding) ? (encoding as Encoding) : 'utf8bom'
	};
}

export const downloadQuery = (c: ExportChoice) => new URLSearchParams({ kind: c.kind, values: c.values, encoding: c.encoding }).toString();
