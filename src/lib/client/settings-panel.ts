// The header's settings panel (SiteHeader's <details>) on a page SvelteKit's client does not
// run (the survey's): Escape or a press elsewhere closes it, as SiteHeader does on the others.
export function closeSettingsOnEscape(doc: Document): void {
	const panel = doc.querySelector<HTMLDetailsElement>('details.settings');
	if (!panel) return;
	doc.addEventListener('keydown', (event) => {
		if (event.key !== 'Escape' || !panel.open) return;
		panel.open = false;
		panel.querySelector('summary')?.focus();
	});
	doc.addEventListener('pointerdown', (event) => {
		if (panel.open && !panel.contains(event.target as Node)) panel.open = false;
	});
}
