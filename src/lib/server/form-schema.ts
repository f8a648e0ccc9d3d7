// The one way the server reads a posted form. Each form declares its fields once, as a zod
// object of the fields below (formObject), next to the code that uses it; parseForm reads the
// bounded fields of readForm (form-body.ts) through it. Every field first reads what was posted
// under its name (the first text, trimmed; digits NFKC-normalised, so ２０２７ is 2027; every
// value of a repeated field; the file), then checks it, and a check that fails says why in the
// Japanese words its form gives it: the schema holds each message, as staff read it.
import { error } from '@sveltejs/kit';
import { z } from 'zod';

/** What a field receives: every value posted under its name, in order (files too). */
export type Posted = (string | File)[];

/** Where a form's fields come from: a read post (FormFields), or a query (URLSearchParams). */
export interface FieldSource {
	getAll(name: string): Posted;
}

/** A form's fields by name; each is one of the fields below (it reads `Posted` first). */
export type FormShape = Record<string, z.ZodType<unknown, Posted>>;

/** What a field read before its checks: the innermost first stage of its pipes. */
type ReadOf<F> = F extends z.ZodPipe<infer A, z.core.SomeType> ? ReadOf<A> : F extends z.ZodTransform<infer O, Posted> ? O : Posted;

/** What was typed in each field, read (trimmed, normalised) but not checked: for a page to show again. */
export type Typed<S extends FormShape> = { [K in keyof S]: ReadOf<S[K]> };

export interface FormSchema<S extends FormShape, T> {
	readonly shape: S;
	readonly schema: z.ZodType<T, Record<keyof S, Posted>>;
}

export type FormResult<S extends FormShape, T> =
	| { ok: true; value: T; typed: Typed<S> }
	| {
			ok: false;
			/** Each problem once, in the order of the form's fields; the form's own problems last. */
			problems: string[];
			/** The first problem of each field that has one. */
			fieldErrors: Partial<Record<keyof S & string, string>>;
			typed: Typed<S>;
	  };

/** Said of a problem whose check forgot its message: never English to staff or residents. */
const UNSAID = '入力された内容を確認してください。';

/**
 * A form of these fields. `whole` adds what concerns several fields (refinements with
 * `when: whenRead(...)`, so that each runs once its own fields were read) and may turn the
 * fields into the value the code wants.
 */
export function formObject<S extends FormShape>(shape: S): FormSchema<S, z.output<z.ZodObject<S>>>;
export function formObject<S extends FormShape, T>(
	shape: S,
	whole: (fields: z.ZodObject<S>) => z.ZodType<T, z.input<z.ZodObject<S>>>
): FormSchema<S, T>;
export function formObject<S extends FormShape, T>(
	shape: S,
	whole?: (fields: z.ZodObject<S>) => z.ZodType<T, z.input<z.ZodObject<S>>>
): FormSchema<S, T> {
	const fields = z.object(shape);
	return { shape, schema: (whole ? whole(fields) : fields) as FormSchema<S, T>['schema'] };
}

/** Lets a refinement of the whole form run only when these fields were read without a problem. */
export function whenRead(...names: string[]) {
	return (payload: z.core.ParsePayload) => !payload.issues.some((issue) => names.includes(String(issue.path?.[0])));
}

/** The reader of a field made here: the first stage of its (nested) pipes. */
function readerOf(field: z.core.SomeType): (posted: Posted) => unknown {
	let stage = field;
	while (stage instanceof z.ZodPipe) stage = stage.in;
	return stage instanceof z.ZodTransform ? (posted) => stage.parse(posted) : (posted) => posted;
}

/** Reads a form through its schema: the value, or its problems in the form's own words. */
export function parseForm<S extends FormShape, T>(source: FieldSource, form: FormSchema<S, T>): FormResult<S, T> {
	const names = Object.keys(form.shape);
	const posted = {} as Record<keyof S, Posted>;
	const typed = {} as Record<string, unknown>;
	for (const name of names) {
		posted[name as keyof S] = source.getAll(name);
		typed[name] = readerOf(form.shape[name])(posted[name]);
	}
	const parsed = form.schema.safeParse(posted, { error: () => UNSAID });
	if (parsed.success) return { ok: true, value: parsed.data, typed: typed as Typed<S> };
	const place = (issue: z.core.$ZodIssue) => {
		const at = names.indexOf(String(issue.path[0]));
		return at < 0 ? names.length : at;
	};
	const problems: string[] = [];
	const fieldErrors: Record<string, string> = {};
	for (const issue of [...parsed.error.issues].sort((a, b) => place(a) - place(b))) {
		if (!problems.includes(issue.message)) problems.push(issue.message);
		const name = String(issue.path[0]);
		if (issue.path.length && names.includes(name)) fieldErrors[name] ??= issue.message;
	}
	return { ok: false, problems, fieldErrors: fieldErrors as Partial<Record<keyof S & string, string>>, typed: typed as Typed<S> };
}

/**
 * The value of a form that a page cannot get wrong (every field has a fallback), or of an
 * endpoint's form: anything else is a bad request, answered with the form's first problem.
 */
export function requireForm<S extends FormShape, T>(source: FieldSource, form: FormSchema<S, T>): T {
	const read = parseForm(source, form);
	if (!read.ok) error(400, read.problems[0]);
	return read.value;
}

// ---- Fields ---------------------------------------------------------------------------------

const firstText = (posted: Posted): string => (typeof posted[0] === 'string' ? posted[0] : '');
const reading = <R>(read: (posted: Posted) => R) => z.transform((posted: Posted) => read(posted));

/**
 * A field's check: the message of what is wrong with the value, or undefined. A problem found
 * here ends the field's checks (zod's refinements after it are skipped: it does not "continue"),
 * yet leaves the form's refinements with `when: whenRead(...)` free to run. (A refinement given
 * `abort: true` would stop those too, so fields here never use it.)
 */
function judged<T, R = T>(problem: (value: T) => string | undefined) {
	return z.transform((value: T, ctx) => {
		const message = problem(value);
		if (message !== undefined) ctx.issues.push({ code: 'custom', message, input: value });
		return value as unknown as R;
	});
}

type TextChecks =
	| { message: string; required?: boolean; max?: number; pattern?: RegExp }
	| { message?: undefined; required?: undefined; max?: undefined; pattern?: undefined };

/**
 * A text: the first value posted ('' when none, or a file), trimmed unless `trim: false`, cut
 * to `clip` characters when given (a field the page already limits). Blank when `required`,
 * longer than `max` characters, or unlike `pattern`, it is refused with `message`.
 */
export function text(options: TextChecks & { trim?: boolean; clip?: number } = {}) {
	const { trim = true, clip, message = UNSAID, required, max, pattern } = options;
	return z.pipe(
		reading((posted) => {
			const value = trim ? firstText(posted).trim() : firstText(posted);
			return clip === undefined ? value : value.slice(0, clip);
		}),
		judged<string>((value) =>
			(required && !value) || (max !== undefined && value.length > max) || (pattern && !pattern.test(value)) ? message : undefined
		)
	);
}

/** What a number field reads: the text with full-width digits and signs made half-width. */
const numberText = reading((posted) => firstText(posted).normalize('NFKC').trim());

const WHOLE = /^\d{1,15}$/;
const DECIMAL = /^[-+]?(\d+(\.\d*)?|\.\d+)$/;

interface NumberChecks {
	message: string;
	/** The smallest and largest value taken (inclusive). */
	min?: number;
	max?: number;
}

function numberCheck(pattern: RegExp, o: NumberChecks, optional: boolean) {
	return z.string().transform((typed, ctx) => {
		if (optional && !typed) return null;
		const n = pattern.test(typed) ? Number(typed) : NaN;
		if (Number.isFinite(n) && n >= (o.min ?? -Infinity) && n <= (o.max ?? Infinity)) return n;
		// As in judged: the problem ends the field's checks.
		ctx.issues.push({ code: 'custom', message: o.message, input: typed });
		return z.NEVER;
	});
}

/** A whole number (０-９ too; no sign, no decimals) between `min` and `max`. */
export function integer(o: NumberChecks) {
	return z.pipe(numberText, numberCheck(WHOLE, o, false) as z.ZodType<number, string>);
}

/** A whole number as `integer`, or null when left blank. */
export function optionalInteger(o: NumberChecks) {
	return z.pipe(numberText, numberCheck(WHOLE, o, true) as z.ZodType<number | null, string>);
}

/** A number with an optional sign and decimals (５．５ too), or null when left blank. */
export function optionalDecimal(o: NumberChecks) {
	return z.pipe(numberText, numberCheck(DECIMAL, o, true) as z.ZodType<number | null, string>);
}

/** Whole numbers in one box, as `1,2`, `1、2` or `1 2` (０-９ too): at least one, else `message`. */
export function integers(o: { message: string }) {
	return z.pipe(
		numberText,
		z.string().transform((typed, ctx) => {
			const pieces = typed.split(/[,、\s]+/).filter(Boolean);
			if (pieces.length && pieces.every((p) => WHOLE.test(p))) return pieces.map(Number);
			ctx.issues.push({ code: 'custom', message: o.message, input: typed });
			return z.NEVER;
		})
	);
}

/** A checkbox: true when it was posted with its value (a browser sends "on" unless told otherwise). */
export function checkbox(value = 'on') {
	return z.pipe(
		reading((posted) => firstText(posted) === value),
		z.boolean()
	);
}

/** One of `values`, exactly; anything else is refused with `message`. */
export function choice<const V extends readonly [string, ...string[]]>(values: V, o: { message: string }): z.ZodPipe<z.ZodTransform<string, Posted>, z.ZodType<V[number], string>>;
/** One of `values`, exactly; anything else (or nothing) reads as `fallback`. */
export function choice<const V extends readonly [string, ...string[]], F>(values: V, o: { fallback: F }): z.ZodPipe<z.ZodTransform<string, Posted>, z.ZodType<V[number] | F, string>>;
export function choice(values: readonly [string, ...string[]], o: { message: string } | { fallback: unknown }) {
	const known = (v: string) => values.includes(v);
	return z.pipe(
		reading(firstText),
		'message' in o ? judged<string>((v) => (known(v) ? undefined : o.message)) : z.transform((v: string) => (known(v) ? v : o.fallback))
	);
}

/**
 * Every text posted under the name (checkboxes sharing a name, a multiple select), in order;
 * with `among`, only those among its values (others are left out, as a page never sends them);
 * fewer than `min` is refused with `message`.
 */
export function all<const V extends readonly string[] = readonly string[]>(o: { among?: V; min?: number; message?: string } = {}) {
	const { min = 0, message = UNSAID } = o;
	return z.pipe(
		reading((posted) => posted.filter((v): v is V[number] => typeof v === 'string' && (!o.among || o.among.includes(v)))),
		judged<V[number][]>((values) => (values.length < min ? message : undefined))
	);
}

/** An uploaded file (undefined when none was chosen: no file, or an empty one). */
export function file(): z.ZodPipe<z.ZodTransform<File | undefined, Posted>, z.ZodType<File | undefined, File | undefined>>;
/** An uploaded file, refused with `message` when none was chosen and with `tooLarge` past `maxBytes`. */
export function file(o: { message: string; maxBytes?: number; tooLarge?: string }): z.ZodPipe<z.ZodTransform<File | undefined, Posted>, z.ZodType<File, File | undefined>>;
export function file(o?: { message: string; maxBytes?: number; tooLarge?: string }): z.ZodPipe<z.ZodTransform<File | undefined, Posted>, z.ZodType<unknown, File | undefined>> {
	return z.pipe(
		reading((posted) => posted.find((v): v is File => typeof v !== 'string' && v.size > 0)),
		judged<File | undefined>((f) =>
			!o ? undefined : !f ? o.message : o.maxBytes !== undefined && f.size > o.maxBytes ? (o.tooLarge ?? o.message) : undefined
		)
	);
}
