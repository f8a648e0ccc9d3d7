// A staff member's GET of a download handler, as the browser asks for it: the least of a
// request event the staff handlers read (the address, the route's parameters, who is logged in).
export interface Staff {
	id: number;
	email: string;
	displayName: string;
	roles: string[];
	mustChangePassword: boolean;
}

export function staffGet(handler: unknown, path: string, user: Staff, params: Record<string, string>): Promise<Response> {
	const url = new URL(path, 'http://localhost');
	const event = { url, params, locals: { lang: 'ja', textSize: 'normal', user, session: null }, request: new Request(url) };
	return (handler as (e: never) => Promise<Response>)(event as never);
}
