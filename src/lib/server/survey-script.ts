// The survey page's script as the build left it (vite.enhance.config.ts writes it to
// enhance-build/ before the app is built; this module takes it in as text). Served under a
// name with its content's hash, so a phone keeps it for a year and never runs an old one, and
// compressed once, at the best brotli and gzip levels, when it is first asked for.
import { createHash } from 'node:crypto';
import { dev } from '$app/environment';
import { compress, type Encoding } from './compression';

const built = import.meta.glob('/enhance-build/survey.js', { query: '?raw', import: 'default', eager: true });
const code = Object.values(built)[0] as string | undefined;
const body = code === undefined ? undefined : Buffer.from(code);

/** The script's file name, with its content's hash; undefined when it was not built. */
export const surveyScriptFile = body && `survey-${createHash('sha256').update(body).digest('hex').slice(0, 12)}.js`;

const packed = new Map<Encoding, Promise<Buffer>>();

/** The script's bytes in a coding (or as they are): each coding made once, at its best, on its first request. */
export async function surveyScriptBody(coding: Encoding | null): Promise<Buffer | undefined> {
	if (!body || !coding) return body;
	if (!packed.has(coding)) packed.set(coding, compress(body, coding, 'best'));
	return packed.get(coding);
}

/** The address the survey page loads its script from (in `vite dev`, the source, as Vite serves it). */
export function surveyScriptSrc(): string | undefined {
	if (dev) return '/src/lib/client/survey-enhance.ts';
	return surveyScriptFile && `/enhance/${surveyScriptFile}`;
}
