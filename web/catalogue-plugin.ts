/**
 * The text catalogue (src/text/messages) holds every message in both languages: half of the sign-in
 * page's JavaScript. In the browser, French (the default, and the language `hasMessage` checks keys
 * in) comes with the first page and English is a chunk of its own, fetched when a person chooses it
 * (web/src/english.ts). Each message file is bundled with its English left out, and the virtual
 * module `virtual:encours-english` holds the English of the files the catalogue's index lists.
 * The files are plain data: read here by Node, fresh at each build (and each edit under `vite web`).
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin } from 'vite';

const MESSAGES_DIR = join(import.meta.dirname, '..', 'src', 'text', 'messages');
const INDEX = join(MESSAGES_DIR, 'index.ts');
const ENGLISH_ID = 'virtual:encours-english';
const RESOLVED_ENGLISH_ID = `\0${ENGLISH_ID}`;

interface MessageFile {
  fr: Record<string, string>;
  en: Record<string, string>;
}

function isMessageFile(value: unknown): value is MessageFile {
  if (typeof value !== 'object' || value === null) return false;
  const { fr, en } = value as Partial<MessageFile>;
  return typeof fr === 'object' && fr !== null && typeof en === 'object' && en !== null;
}

/** The file's exports, read again when it changed (Node caches a module by its URL). */
async function readExports(file: string): Promise<Record<string, unknown>> {
  return import(`${pathToFileURL(file).href}?mtime=${statSync(file).mtimeMs}`);
}

/** The message files the catalogue's index imports (it names each once: `from './app.ts'`). */
function indexedFiles(): string[] {
  const source = readFileSync(INDEX, 'utf8');
  return [...source.matchAll(/from '\.\/([\w-]+\.ts)'/g)].map((match) => join(MESSAGES_DIR, match[1] ?? ''));
}

export function frenchFirstCatalogue(): Plugin {
  return {
    name: 'encours-french-first-catalogue',
    resolveId(id) {
      return id === ENGLISH_ID ? RESOLVED_ENGLISH_ID : null;
    },
    async load(id) {
      if (id === RESOLVED_ENGLISH_ID) {
        const english: Record<string, string>[] = [];
        for (const file of indexedFiles()) {
          this.addWatchFile(file);
          for (const value of Object.values(await readExports(file)))
            if (isMessageFile(value)) english.push(value.en);
        }
        return `export default ${JSON.stringify(english)};`;
      }
      const file = id.split('?')[0] ?? id;
      if (dirname(file) !== MESSAGES_DIR || file === INDEX || !file.endsWith('.ts')) return null;
      const exports = Object.entries(await readExports(file));
      // A file holding anything but messages (mail templates…) is bundled as it is.
      if (exports.length === 0 || !exports.every(([, value]) => isMessageFile(value))) return null;
      return exports
        .map(
          ([name, value]) =>
            `export const ${name} = { fr: ${JSON.stringify((value as MessageFile).fr)}, en: {} };`,
        )
        .join('\n')
        .concat(`\n// ${basename(file)}: English in ${ENGLISH_ID}\n`);
    },
  };
}
