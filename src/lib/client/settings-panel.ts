// The header's settings panel (SiteHeader's <details>): Escape, or a press anywhere else,
// closes it. SiteHeader sets this up where SvelteKit's client runs; the survey page's own
// script (survey-enhance.ts) does on the survey page, where it does not.

/** Closes the panel on Escape (focus back on its summary) or a press outside it; returns the undo. */
export function closeOnEscapeOrOutside(panel: HTMLDetailsElement): () => void {
	const doc = panel.ownerDocument;
	const onKeydown = (event: KeyboardEvent) => {
		if (event.key !== 'Escape' || !panel.open) return;
		panel.open = false;
		panel.querySelector('summary')?.focus();
	};
	const onPointerdown = (event: PointerEvent) => {
		if (panel.open && !panel.contains(event.target as Node)) panel.open = false;
	};
	doc.addEventListener('keydown', onKeydown);
	doc.addEventListener('pointerdown', onPointerdown);
	return () => {
		doc.removeEventListener('keydown', onKeydown);
		doc.removeEventListener('pointerdown', onPointerdown);
	};
}
