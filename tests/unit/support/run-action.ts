// Runs a SvelteKit form action as the server would, and returns what it returned or threw
// (a fail() result, or a redirect). With files, the form is posted as multipart, as a browser
// posts an upload form.
import { isRedirect } from '@sveltejs/kit';
import { FakeCookies } from './fake-cookies';

export interface ActionRun {
	result: unknown;
	cookies: FakeCookies;
}

export async function runAction(
	action: (event: never) => unknown,
	options: {
		url: string;
		fields: Record<string, string | string[]>;
		files?: Record<string, File>;
		params?: Record<string, string>;
		locals?: Partial<App.Locals>;
		client?: string;
		cookies?: FakeCookies;
	}
): Promise<ActionRun> {
	const body = options.files ? new FormData() : new URLSearchParams();
	for (const [name, value] of Object.entries(options.fields))
		for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
	for (const [name, file] of Object.entries(options.files ?? {})) (body as FormData).append(name, file);
	const cookies = options.cookies ?? new FakeCookies();
	const event = {
		// A FormData body sets its own multipart type, with its boundary.
		request: new Request(options.url, {
			method: 'POST',
			body,
			headers: options.files ? {} : { 'content-type': 'application/x-www-form-urlencoded' }
		}),
		url: new URL(options.url),
		params: options.params ?? {},
		locals: { lang: 'ja', textSize: 'normal', user: null, session: null, ...options.locals },
		cookies: cookies.asCookies(),
		getClientAddress: () => options.client ?? '203.0.113.1'
	};
	try {
		return { result: await action(event as never), cookies };
	} catch (thrown) {
		if (isRedirect(thrown)) return { result: thrown, cookies };
		throw thrown;
	}
}
