// Where a survey stands for residents at a given moment: its status and its schedule together.

export type Phase = 'draft' | 'scheduled' | 'open' | 'closed' | 'archived';

export interface Schedule {
	status: 'draft' | 'open' | 'closed' | 'archived';
	opensAt: string | null;
	closesAt: string | null;
}

export function surveyPhase(s: Schedule, now: Date): Phase {
	if (s.status !== 'open') return s.status;
	if (s.opensAt && now < new Date(s.opensAt)) return 'scheduled';
	if (s.closesAt && now >= new Date(s.closesAt)) return 'closed';
	return 'open';
}
