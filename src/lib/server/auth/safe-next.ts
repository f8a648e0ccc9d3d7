// Where to go after logging in: only back into the staff pages, never to another site.
export function safeNext(next: string | null | undefined): string {
	if (!next || !next.startsWith('/admin') || next.startsWith('//') || next.includes('\\')) return '/admin';
	return next;
}
