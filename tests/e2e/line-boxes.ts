// How many lines a piece of text lies on, from its client rects (Range or element
// getClientRects, sent back as plain objects): a line may hold several rects, one per run of
// Latin and Japanese glyphs with tops a pixel apart, so rects that overlap in height are one line.
export interface Box {
	top: number;
	bottom: number;
	width: number;
}

export function lineCount(rects: Box[]): number {
	let lines = 0;
	let bottom = -Infinity;
	for (const r of rects.filter((r) => r.width > 0).sort((a, b) => a.top - b.top)) {
		if (r.top >= bottom - 1) {
			lines += 1;
			bottom = r.bottom;
		} else bottom = Math.max(bottom, r.bottom);
	}
	return lines;
}

