// The browser's side of the app: only the built-ins old phones lack (see old-browsers.ts).
import '$lib/client/old-browsers';
