// Reads a posted form within limits, in time linear in the body, for every form the server
// reads (the resident's survey, the login, staff forms and uploads). A body that is not a form,
// has more fields than its form can have, or a value longer than any of its fields takes, is
// refused with a 4xx and a short message before any further work; in a urlencoded body, fields
// the form does not know are skipped before their values are decoded. Only staff forms that
// upload a file or a document take multipart bodies (parsed whole, then limited): every other
// form refuses them, as no page of the app sends one there. What the fields say is read through
// the form's schema (form-schema.ts).
import { error } from '@sveltejs/kit';
import { config } from './config';

export interface FormLimits {
	/** The most fields (name=value pairs, known or not) one post of this form can carry. */
	maxFields: number;
	/** The longest text value, in characters, any field of this form takes. */
	maxLength: number;
	/** Whether a field is worth reading; others are skipped undecoded. Default: all. */
	accepts?: (name: string) => boolean;
	/** The largest uploaded file in bytes; a form without this takes no files. */
	maxFileBytes?: number;
	/** Whether the form takes multipart bodies (staff uploads only); others get 415. */
	multipart?: boolean;
}

/** An ordinary staff form: a few dozen fields of short text. */
export const STAFF_FORM: FormLimits = { maxFields: 400, maxLength: 20_000 };

/** A staff form that carries one large text (a questionnaire document, a pasted CSV). */
export const STAFF_DOCUMENT_FORM: FormLimits = { maxFields: 20, maxLength: Number.MAX_SAFE_INTEGER, multipart: true };

/** A staff form that uploads one file (a CSV or JSON file), up to the body limit. */
export const STAFF_UPLOAD_FORM: FormLimits = {
	maxFields: 20,
	maxLength: 20_000,
	maxFileBytes: Number.MAX_SAFE_INTEGER,
	multipart: true
};

/** The body limit as staff read it, e.g. "512 KB". */
export function sizeText(bytes: number): string {
	return bytes >= 1024 ** 2 ? `${Math.floor(bytes / 1024 ** 2)} MB` : `${Math.floor(bytes / 1024)} KB`;
}

/** What a staff member is told of a file larger than one post can carry. */
export const uploadTooLarge = () =>
	`ファイルが大きすぎます（一度に送れるのは ${sizeText(config.bodyLimit)} までです）。ファイルを分けてお送りください。`;

/** What a refused post is told: staff and residents alike read these (Japanese first). */
export const FORM_MESSAGES = {
	notForm: 'この形式の送信は受け付けていません。ページを開き直して、もう一度お送りください。',
	broken: '送信された内容を読み取れませんでした。ページを開き直して、もう一度お送りください。',
	tooLarge: '送信された内容が大きすぎるため、受け付けられませんでした。'
} as const;

type Entry = string | File;

/** The fields of a post: like FormData's get/getAll, with no prototype to trip over. */
export class FormFields {
	private readonly fields = new Map<string, Entry[]>();

	add(name: string, value: Entry): void {
		const list = this.fields.get(name);
		if (list) list.push(value);
		else this.fields.set(name, [value]);
	}

	get(name: string): Entry | null {
		return this.fields.get(name)?.[0] ?? null;
	}

	getAll(name: string): Entry[] {
		return this.fields.get(name) ?? [];
	}

	/** Every field (files too), grouped by name in the order names first appear. */
	*entries(): IterableIterator<[string, Entry]> {
		for (const [name, list] of this.fields) for (const value of list) yield [name, value];
	}
}

function mediaType(request: Request): { type: string; boundary: boolean } {
	const header = request.headers.get('content-type') ?? '';
	const [type, ...params] = header.split(';');
	return {
		type: type.trim().toLowerCase(),
		boundary: params.some((p) => /^\s*boundary=./i.test(p))
	};
}

/** The body's bytes, refused past the limit whatever Content-Length claims. */
async function readBytes(request: Request, limit: number): Promise<Uint8Array> {
	const declared = Number(request.headers.get('content-length'));
	if (declared > limit) error(413, FORM_MESSAGES.tooLarge);
	if (!request.body) return new Uint8Array();
	const chunks: Uint8Array[] = [];
	let size = 0;
	const reader = request.body.getReader();
	for (;;) {
		let chunk: ReadableStreamReadResult<Uint8Array>;
		try {
			chunk = await reader.read();
		} catch (e) {
			refuseUnread(e);
		}
		if (chunk.done) break;
		size += chunk.value.byteLength;
		if (size > limit) {
			await reader.cancel().catch(() => {});
			error(413, FORM_MESSAGES.tooLarge);
		}
		chunks.push(chunk.value);
	}
	return Buffer.concat(chunks);
}

/** A body that could not be read: past the server's body limit (413), or broken (400). */
function refuseUnread(e: unknown): never {
	if ((e as { status?: number })?.status === 413) error(413, FORM_MESSAGES.tooLarge);
	error(400, FORM_MESSAGES.broken);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes one name or value of a urlencoded body; malformed escapes or UTF-8 are refused. */
function decodeComponent(raw: string): string {
	const spaced = raw.includes('+') ? raw.replaceAll('+', ' ') : raw;
	if (!spaced.includes('%')) return spaced;
	try {
		return decodeURIComponent(spaced);
	} catch {
		error(400, FORM_MESSAGES.broken);
	}
}

/** The most bytes one character can take percent-encoded (%E3%81%82 is one character). */
const ENCODED_BYTES_PER_CHAR = 12;

/**
 * Parses an application/x-www-form-urlencoded body in one pass: each piece is looked at once,
 * its name decoded only to ask whether the form knows it, its value only if it does.
 */
export function parseUrlEncoded(text: string, limits: FormLimits): FormFields {
	const fields = new FormFields();
	let count = 0;
	for (let start = 0; start < text.length; ) {
		let end = text.indexOf('&', start);
		if (end < 0) end = text.length;
		if (end > start) {
			if (++count > limits.maxFields) error(413, FORM_MESSAGES.tooLarge);
			const piece = text.slice(start, end);
			const eq = piece.indexOf('=');
			const rawName = eq < 0 ? piece : piece.slice(0, eq);
			const rawValue = eq < 0 ? '' : piece.slice(eq + 1);
			if (rawValue.length > limits.maxLength * ENCODED_BYTES_PER_CHAR) error(413, FORM_MESSAGES.tooLarge);
			const name = decodeComponent(rawName);
			if (!limits.accepts || limits.accepts(name)) {
				const value = decodeComponent(rawValue);
				if (value.length > limits.maxLength) error(413, FORM_MESSAGES.tooLarge);
				fields.add(name, value);
			}
		}
		start = end + 1;
	}
	return fields;
}

async function readMultipart(request: Request, limits: FormLimits): Promise<FormFields> {
	const declared = Number(request.headers.get('content-length'));
	if (declared > config.bodyLimit) error(413, FORM_MESSAGES.tooLarge);
	let data: FormData;
	try {
		data = await request.formData();
	} catch (e) {
		refuseUnread(e);
	}
	const fields = new FormFields();
	let count = 0;
	for (const [name, value] of data.entries()) {
		if (++count > limits.maxFields) error(413, FORM_MESSAGES.tooLarge);
		if (limits.accepts && !limits.accepts(name)) continue;
		if (typeof value === 'string') {
			if (value.length > limits.maxLength) error(413, FORM_MESSAGES.tooLarge);
		} else if (limits.maxFileBytes === undefined) {
			continue;
		} else if (value.size > limits.maxFileBytes) {
			error(413, FORM_MESSAGES.tooLarge);
		}
		fields.add(name, value);
	}
	return fields;
}

/**
 * Reads the posted form. Throws a 415 for a body that is not a form, 400 for a broken one
 * (multipart without a boundary, malformed escapes, invalid UTF-8), 413 past the limits.
 */
export async function readForm(request: Request, limits: FormLimits): Promise<FormFields> {
	const { type, boundary } = mediaType(request);
	if (type === 'application/x-www-form-urlencoded') {
		const bytes = await readBytes(request, config.bodyLimit);
		let text: string;
		try {
			text = utf8.decode(bytes);
		} catch {
			error(400, FORM_MESSAGES.broken);
		}
		return parseUrlEncoded(text, limits);
	}
	if (type === 'multipart/form-data' && limits.multipart) {
		if (!boundary) error(400, FORM_MESSAGES.broken);
		return readMultipart(request, limits);
	}
	error(415, FORM_MESSAGES.notForm);
}

/** A staff upload form, or undefined when the post is larger than the server takes. */
export async function readUpload(request: Request): Promise<FormFields | undefined> {
	try {
		return await readForm(request, STAFF_UPLOAD_FORM);
	} catch (e) {
		if ((e as { status?: number })?.status === 413) return undefined;
		throw e;
	}
}
