/**
 * The audit log's filters as a person types them: the words the log shows (« Client », « Données de
 * démonstration », « Fiche client modifiée »), in French or English, read back as the codes the log
 * stores (customer, demo, customer.update). The code itself still works, for programs and habits.
 */

import { messageKeys } from './catalogue.ts';
import { formatMessage, LANGS, type Lang, MESSAGES } from './icu.ts';

export type AuditWordDomain = 'auditEntity' | 'auditAction' | 'auditActor';

/** « Données de démonstration » and "donnees de demonstration " read alike. */
export function foldWords(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’']/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLocaleLowerCase('fr');
}

/** Every code of the domain with its label in each language (a label with parameters is left out). */
function labelledCodes(domain: AuditWordDomain): { code: string; labels: string[] }[] {
  const prefix = `${domain}.`;
  return messageKeys()
    .filter((key) => key.startsWith(prefix))
    .map((key) => ({
      code: key.slice(prefix.length),
      // A label with parameters (« Planification n° {id} ») is read apart (scheduleActor).
      labels: LANGS.map((lang) => MESSAGES[lang].get(key) ?? '')
        .filter((text) => text !== '' && !text.includes('{'))
        .map((text) => text.replace(/''/g, "'")),
    }));
}

/** « Planification n° 3 » / "Schedule no. 3" → 'schedule 3' (the author a schedule writes as). */
function scheduleActor(folded: string): string | null {
  for (const lang of LANGS) {
    const template = foldWords(formatMessage(lang as Lang, 'auditActor.schedule', { id: '#' }) ?? '');
    const [before = '', after = ''] = template.split('#');
    if (!folded.startsWith(before) || !folded.endsWith(after)) continue;
    const id = folded.slice(before.length, folded.length - after.length).trim();
    if (/^\d+$/.test(id)) return `schedule ${id}`;
  }
  return null;
}

/**
 * The codes a typed filter means: the code itself; else the codes whose label is the text; else
 * those whose label contains it (« relance » finds every dunning entity). Null when nothing reads
 * as it: the caller then compares the text as it is (an e-mail, a key).
 */
export function auditCodesOf(domain: AuditWordDomain, text: string): string[] | null {
  const typed = text.trim();
  if (typed === '') return null;
  const codes = labelledCodes(domain);
  if (codes.some((c) => c.code === typed)) return [typed];
  const folded = foldWords(typed);
  if (domain === 'auditActor') {
    const schedule = scheduleActor(folded);
    if (schedule) return [schedule];
  }
  const exact = codes.filter((c) => c.labels.some((l) => foldWords(l) === folded)).map((c) => c.code);
  if (exact.length > 0) return exact;
  const partial = codes.filter((c) => c.labels.some((l) => foldWords(l).includes(folded))).map((c) => c.code);
  return partial.length > 0 ? partial : null;
}

/** A colleague the author filter offers by name; the log stores their e-mail. */
export interface AuditPerson {
  email: string;
  name: string;
}

/**
 * The people the author filter offers, by name in the reader's order; two colleagues of one name
 * are told apart by their e-mail, so each choice names one person.
 */
export function auditPersonChoices(
  people: readonly AuditPerson[],
  lang: Lang,
): { label: string; email: string }[] {
  const count = new Map<string, number>();
  for (const person of people)
    count.set(foldWords(person.name), (count.get(foldWords(person.name)) ?? 0) + 1);
  return people
    .map((person) => ({
      email: person.email,
      label: (count.get(foldWords(person.name)) ?? 0) > 1 ? `${person.name} (${person.email})` : person.name,
    }))
    .sort((a, b) => a.label.localeCompare(b.label, lang));
}

/**
 * What the API filters on for the author typed or picked: the e-mail of the person so named, else
 * the text itself (an e-mail, « Données de démonstration », which the server reads as it is).
 */
export function auditActorFilter(text: string, choices: readonly { label: string; email: string }[]): string {
  const folded = foldWords(text);
  return choices.find((choice) => foldWords(choice.label) === folded)?.email ?? text;
}
