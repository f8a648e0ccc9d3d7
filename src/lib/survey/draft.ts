// Answers kept on the resident's own device while they fill in a survey, so a reload or a
// closed tab loses nothing. Kept at most 7 days, removed on submission and on request:
// phones and library PCs are often shared.
import type { FormValues } from './validate-answers';

export interface Draft {
	versionId: number;
	savedAt: number;
	/** The form's one-time submission key, kept so a resubmission is recognised. */
	key: string;
	consent: boolean;
	step: number;
	/** False when the resident answers on the long form, where a reload keeps them (older drafts: unset). */
	paged?: boolean;
	values: FormValues;
}

export const DRAFT_TTL_MS = 7 * 24 * 60 * 60 * 1000;
const PREFIX = 'survey-draft:';

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

/** A draft as loaded: `carriedOver` when it was made on an earlier version of the survey. */
export type LoadedDraft = Draft & { carriedOver?: boolean };

/**
 * The survey's draft, if it is fresh. One made on another version (the city published a
 * correction while the resident was answering) is carried over to this one, from its first
 * section, so the resident looks through the answers again: the checks of this version then
 * show any that no longer fit, and answers to questions it no longer has are not stored.
 */
export function loadDraft(store: Store, slug: string, versionId: number, now: number): LoadedDraft | undefined {
	const raw = store.getItem(PREFIX + slug);
	if (!raw) return undefined;
	try {
		const draft = JSON.parse(raw) as Draft;
		const fresh = now - draft.savedAt < DRAFT_TTL_MS;
		if (fresh && draft.values && typeof draft.key === 'string') {
			if (draft.versionId === versionId) return draft;
			return { ...draft, versionId, step: Math.min(draft.step, 1), carriedOver: true };
		}
	} catch {
		// A damaged draft is worth nothing; fall through and remove it.
	}
	store.removeItem(PREFIX + slug);
	return undefined;
}

export function saveDraft(store: Store, slug: string, draft: Draft): void {
	try {
		store.setItem(PREFIX + slug, JSON.stringify(draft));
	} catch {
		// Storage full or refused (private mode): the survey still works, only without a draft.
	}
}

export function clearDraft(store: Store, slug: string): void {
	store.removeItem(PREFIX + slug);
}

/** Removes every survey draft older than the limit, whichever survey it belongs to. */
export function purgeExpiredDrafts(store: Store, now: number): void {
	const keys: string[] = [];
	for (let i = 0; i < store.length; i++) {
		const key = store.key(i);
		if (key?.startsWith(PREFIX)) keys.push(key);
	}
	for (const key of keys) {
		try {
			const draft = JSON.parse(store.getItem(key) ?? '') as Draft;
			if (now - draft.savedAt < DRAFT_TTL_MS) continue;
		} catch {
			// unreadable: remove
		}
		store.removeItem(key);
	}
}

/** A new random submission key, made in the browser when the resident starts over. */
export function randomKey(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(18));
	return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
