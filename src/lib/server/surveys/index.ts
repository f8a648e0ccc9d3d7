// Surveys and their versions, one module per idea; `import * as surveys from '$lib/server/surveys'`.
export * from './records';
export * from './versions';
export * from './drafts';
export * from './life-cycle';
export * from './listings';
export * from './bundled';
