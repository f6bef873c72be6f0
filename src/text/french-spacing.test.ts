import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_REPORT_TEMPLATES } from '../app/procedure/reports-template-defaults.ts';
import { type TextSyntax, withFrenchSpacing, wrongFrenchSpaces } from './french-spacing.ts';
import { MESSAGES } from './icu.ts';
import { CLI_HELP_FILES } from './messages/cli-help.ts';
import { CREDIT_MAIL_TEMPLATES } from './messages/credit-mail.ts';

/** Each wrong space shown with what surrounds it, the space itself as « ␣ ». */
function problems(name: string, text: string, syntax: TextSyntax): string[] {
  return wrongFrenchSpaces(text, syntax).map(
    (at) => `${name}: …${text.slice(Math.max(0, at - 20), at)}␣${text.slice(at + 1, at + 4)}…`,
  );
}

const DUNNING_TEMPLATES = new URL('../app/dunning/templates/', import.meta.url);

describe('French spacing', () => {
  it('finds the plain spaces before « : ; ? ! » and inside « », in the text only', () => {
    const icu = 'Total : {n, plural, one {# jour ?} other {# jours ; « {x} »}} {r, number, ::percent} fin !';
    expect(withFrenchSpacing(icu, 'icu')).toBe(
      'Total\u00a0: {n, plural, one {# jour\u00a0?} other {# jours\u00a0; «\u00a0{x}\u00a0»}} {r, number, ::percent} fin\u00a0!',
    );
    const liquid = 'Objet : {{ a | date: "%d" }} {% if b %}« {{ c }} »{% endif %} https://x.fr 10:30 ?';
    expect(withFrenchSpacing(liquid, 'liquid')).toBe(
      'Objet\u00a0: {{ a | date: "%d" }} {% if b %}«\u00a0{{ c }}\u00a0»{% endif %} https://x.fr 10:30\u00a0?',
    );
    // One convention: a narrow no-break space there is turned into the catalogue's U+00A0.
    expect(withFrenchSpacing('Ceci\u202f: cela', 'icu')).toBe('Ceci\u00a0: cela');
    expect(wrongFrenchSpaces(withFrenchSpacing(icu, 'icu'), 'icu')).toEqual([]);
  });

  it('every French message has a no-break space before « : ; ? ! » and inside « »', () => {
    const french = new Map(MESSAGES.fr);
    for (const file of CLI_HELP_FILES)
      for (const [key, text] of Object.entries(file.fr)) french.set(key, text);
    const found = [...french].flatMap(([key, text]) => problems(key, text, 'icu'));
    expect(found).toEqual([]);
    expect(french.size).toBeGreaterThan(1000);
  });

  it('so has every French default template (dunning letters and e-mails, credit mails, reports)', () => {
    const found: string[] = [];
    const dunning = readdirSync(DUNNING_TEMPLATES).filter((name) => name.endsWith('.fr.liquid'));
    for (const name of dunning)
      found.push(...problems(name, readFileSync(new URL(name, DUNNING_TEMPLATES), 'utf8'), 'liquid'));
    for (const [code, { fr }] of Object.entries(CREDIT_MAIL_TEMPLATES))
      found.push(...problems(`${code}.subject`, fr.subject, 'liquid'), ...problems(code, fr.text, 'liquid'));
    for (const [report, sections] of Object.entries(DEFAULT_REPORT_TEMPLATES.fr))
      for (const [section, text] of Object.entries(sections))
        found.push(...problems(`${report}.${section}`, text, 'liquid'));
    expect(found).toEqual([]);
    expect(dunning.length).toBeGreaterThan(5);
  });
});
