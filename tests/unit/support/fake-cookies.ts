// Just enough of SvelteKit's Cookies to run a handler outside a server.
import type { Cookies } from '@sveltejs/kit';

export class FakeCookies {
	values = new Map<string, string>();
	options = new Map<string, Record<string, unknown>>();
	get = (name: string) => this.values.get(name);
	getAll = () => [...this.values].map(([name, value]) => ({ name, value }));
	set = (name: string, value: string, options: Record<string, unknown>) => {
		this.values.set(name, value);
		this.options.set(name, options);
	};
	delete = (name: string) => {
		this.values.delete(name);
	};
	serialize = () => '';
	asCookies = () => this as unknown as Cookies;
}
