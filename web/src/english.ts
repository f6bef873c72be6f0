/**
 * The catalogue's English, fetched when a person chooses it: the first page carries French only
 * (web/catalogue-plugin.ts leaves English out of the message files it bundles). Loading fills the
 * catalogue's English map in place, before the interface switches to it, so every function of
 * src/text reads English as it does in Node.
 */
import { MESSAGES } from '../../src/text/icu.ts';

let loading: Promise<void> | undefined;
let loaded = false;

export function englishLoaded(): boolean {
  return loaded;
}

export function loadEnglish(): Promise<void> {
  loading ??= import('virtual:encours-english').then(
    ({ default: files }) => {
      // The map is the catalogue's own (a ReadonlyMap to its readers): it is filled once, here.
      const english = MESSAGES.en as Map<string, string>;
      for (const messages of files)
        for (const [key, text] of Object.entries(messages)) english.set(key, text);
      loaded = true;
    },
    (error: unknown) => {
      loading = undefined; // the next choice of English tries again
      throw error;
    },
  );
  return loading;
}
