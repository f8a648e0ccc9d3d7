// A text area as tall as its text, so no title or label is ever cut off: measured in script
// (which every browser the staff use runs), again when the text, the box's width or the fonts
// change. `use:grow={value}`.
import type { Action } from 'svelte/action';

export const grow: Action<HTMLTextAreaElement, string | undefined> = (node) => {
	let width = 0;
	const fit = () => {
		const style = getComputedStyle(node);
		const borders = parseFloat(style.borderTopWidth) + parseFloat(style.borderBottomWidth);
		node.style.height = 'auto';
		node.style.height = `${node.scrollHeight + borders}px`;
	};
	const resized = new ResizeObserver(() => {
		// Only a new width can change the lines; the height is ours.
		if (node.clientWidth === width) return;
		width = node.clientWidth;
		fit();
	});
	resized.observe(node);
	node.addEventListener('input', fit);
	fit();
	document.fonts?.ready.then(fit);
	return {
		update: () => queueMicrotask(fit),
		destroy: () => {
			resized.disconnect();
			node.removeEventListener('input', fit);
		}
	};
};

/**
 * For a one-line text shown in a growing text area: Enter does not start a new line (an IME's
 * Enter that confirms a conversion still does its job) and pasted line breaks become spaces.
 */
export function oneLine(event: KeyboardEvent): void {
	if (event.key === 'Enter' && !event.isComposing && event.keyCode !== 229) event.preventDefault();
}
export const withoutBreaks = (text: string) => text.replace(/\s*[\r\n]+\s*/g, ' ');
