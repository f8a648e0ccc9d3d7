// Dates as residents read them: 2026年11月25日 (Japanese) or 25 November 2026 (English).
import type { Language } from './survey/schema';

export function formatDate(iso: string, lang: Language): string {
	return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'ja-JP', {
		timeZone: 'Asia/Tokyo',
		year: 'numeric',
		month: 'long',
		day: 'numeric'
	}).format(new Date(iso));
}
