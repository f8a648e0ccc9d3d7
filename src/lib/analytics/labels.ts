// Names of channels and languages as staff and residents read them.
export const CHANNEL_NAMES: Record<string, string> = { web: 'ウェブ', paper: '紙（手入力）', import: '紙（CSV取込）' };
export const LANGUAGE_NAMES: Record<string, string> = { ja: '日本語', easy: 'やさしい日本語', en: 'English' };
