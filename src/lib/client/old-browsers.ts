// Built-ins that the bundles (Svelte, SvelteKit, devalue, our code) may call and that the
// oldest browsers they are built for (browser-target.js: Chrome 80, Android's of 2020) do not
// have. Installed first by hooks.client.ts (SvelteKit's client, on the other pages) and by
// survey-enhance.ts (the survey page's own script), so such a phone gets the enhanced survey
// rather than an error page in place of the server's form.
// Small and exact enough for the calls the bundle makes; nothing is replaced where it exists.
const define = (target: object, name: string, value: unknown) => {
	if (!(name in target)) Object.defineProperty(target, name, { value, writable: true, configurable: true });
};

define(Object, 'hasOwn', (o: object, k: PropertyKey) => Object.prototype.hasOwnProperty.call(o, k));

function at(this: ArrayLike<unknown>, index: number) {
	const i = Math.trunc(index) || 0;
	return this[i < 0 ? this.length + i : i];
}
define(Array.prototype, 'at', at);
define(String.prototype, 'at', at);

define(String.prototype, 'replaceAll', function (this: string, search: string | RegExp, replacement: string) {
	if (search instanceof RegExp) return this.replace(search, replacement);
	return this.split(search).join(replacement);
});

// Svelte's $state.snapshot falls back to it for values that are not plain objects or arrays.
define(globalThis, 'structuredClone', (value: unknown) => (value === undefined ? value : JSON.parse(JSON.stringify(value))));
