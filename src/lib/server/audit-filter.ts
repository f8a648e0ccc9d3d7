// The audit log's filter as it appears in the URL, so a filtered view can be shared.
import type { AuditFilter } from './audit';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function auditFilterFrom(url: URL): AuditFilter {
	const get = (name: string) => url.searchParams.get(name)?.trim() || undefined;
	const date = (name: string) => {
		const v = get(name);
		// The shape alone lets 2024-99-99 through; a real date reads back the same.
		return v && DATE.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v)
			? v
			: undefined;
	};
	return { action: get('action'), actor: get('actor'), from: date('from'), to: date('to') };
}
