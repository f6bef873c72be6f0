/**
 * The web app's handle on the one text catalogue (src/text): French by default, English on demand,
 * the choice remembered in the browser. `t('signIn')` reads the screen areas of the catalogue
 * (app, reports, imports, admin) so pages name their keys briefly; `t('area.key')` reads any key.
 * Changing the language changes `lang`, on which every memoised chart option depends.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { CUSTOMER_STATUSES, CUSTOMER_TYPES } from '../../src/core/types.ts';
import { hasMessage, type Lang, label, translator } from '../../src/text/catalogue.ts';
import type { admin } from '../../src/text/messages/admin.ts';
import type { app } from '../../src/text/messages/app.ts';
import type { imports } from '../../src/text/messages/imports.ts';
import type { reports } from '../../src/text/messages/reports.ts';
import { englishLoaded, loadEnglish } from './english.ts';

export type { Lang } from '../../src/text/catalogue.ts';

type Short<K> = K extends `${string}.${infer Rest}` ? Rest : never;
/** A key of the screen areas, without its area (`signIn` for `app.signIn`). */
export type Key =
  | Short<keyof typeof app.fr>
  | Short<keyof typeof reports.fr>
  | Short<keyof typeof imports.fr>
  | Short<keyof typeof admin.fr>;

const SCREEN_AREAS = ['app', 'reports', 'imports', 'admin'] as const;

/** Short key → full catalogue key, the first screen area that has it. */
function fullKey(key: string): string {
  if (hasMessage(key)) return key;
  for (const area of SCREEN_AREAS) if (hasMessage(`${area}.${key}`)) return `${area}.${key}`;
  return key;
}

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t(key: Key | (string & {}), values?: Record<string, string | number>): string;
  /** The label of a code of the core (`label('eventKind', 'limit_change')`). */
  label(domain: string, code: string | null | undefined): string;
  customerType(type: string): string;
  status(status: string): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  // English is there at start only if main.tsx could fetch it (web/src/english.ts).
  const [lang, setLangState] = useState<Lang>(() =>
    localStorage.getItem('encours.lang') === 'en' && englishLoaded() ? 'en' : 'fr',
  );
  const setLang = useCallback((next: Lang) => {
    localStorage.setItem('encours.lang', next);
    (next === 'en' ? loadEnglish() : Promise.resolve()).then(
      () => {
        // A later choice made while English was on its way wins.
        if (localStorage.getItem('encours.lang') !== next) return;
        setLangState(next);
      },
      // Still French on screen: the choice is kept and tried again on the next load.
      (error: unknown) => console.error('English could not be loaded', error),
    );
  }, []);
  // The page's language follows what is on screen, from the first render (a person who chose
  // English starts in English), so screen readers and hyphenation read the right language.
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<I18n>(() => {
    const translate = translator(lang);
    return {
      lang,
      setLang,
      t: (key, values) => translate(fullKey(key), values),
      label: (domain, code) => label(lang, domain, code),
      customerType: (type) => label(lang, 'customerType', type),
      status: (status) => label(lang, 'customerStatus', status),
    };
  }, [lang, setLang]);
  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

/** The catalogue for the current language, as a function; components re-render when it changes. */
export function useT(): I18n['t'] {
  return useI18n().t;
}

export const CUSTOMER_TYPE_KEYS: readonly string[] = CUSTOMER_TYPES;
export const STATUS_KEYS: readonly string[] = CUSTOMER_STATUSES;
