/**
 * The shipped reminders and formal notices never read as the customer's whole debt when they list
 * only some of its overdue invoices: their sum is the total of the invoices above, and the others
 * (`separate_items`) are counted in one sentence, named when few, with why they are not there
 * (`why`, worded by separate-reasons.ts); without any, or without the variable (a template edited
 * before it), nothing is said of them.
 */
import { describe, expect, it } from 'vitest';
import { gsm7Length, toGsm7 } from '#core/dunning/sms';
import { renderTemplate, shippedTemplate } from './templates.ts';

const base = {
  company: { name: 'Dupont SAS', city: 'Lyon', iban: '', bic: '', phone: '', email: '', signature: '' },
  customer: { code: 'C1', name: 'Alpha' },
  factors: [],
  date: '30 juin 2026',
  deadline: '15 juillet 2026',
  reference: 'R1',
  reminded_before: true,
  statement: '',
  items: [{ ref: 'F-1' }, { ref: 'F-2' }],
  step_items: { count: 2, refs: 'F-1, F-2', total_due: '3 184,97 €' },
  other_items: { count: 0, refs: '', total_due: '0,00 €' },
  totals: { total_due: '3 184,97 €', has_interest: false, interest_incomplete: false },
};
const one = {
  ...base,
  separate_items: { count: 1, refs: 'F-9', listed: true, open: '849,29 €', why: 'WHY' },
};
const two = {
  ...base,
  separate_items: { count: 2, refs: 'F-8, F-9', listed: true, open: '6 298,76 €', why: 'WHY' },
};
const many = {
  ...base,
  separate_items: { count: 12, refs: 'F-10, F-11', listed: false, open: '60 000,00 €', why: 'WHY' },
};
const none = { ...base, separate_items: { count: 0, refs: '', listed: true, open: '0,00 €', why: '' } };

type Kind = 'reminder' | 'formal_notice';
const render = async (kind: Kind, channel: 'letter' | 'email' | 'sms', lang: 'fr' | 'en', vars: object) =>
  Object.values(await renderTemplate(shippedTemplate(kind, channel, lang), vars as Record<string, unknown>))
    .join('\n')
    .replace(/\s+/g, ' ');

describe('the shipped reminder', () => {
  it('asks for the sum of the invoices above and counts the other overdue ones', async () => {
    for (const channel of ['letter', 'email'] as const) {
      const fr = await render('reminder', channel, 'fr', one);
      expect(fr).toContain(
        'Une autre facture échue, F-9, d’un montant restant dû de 849,29 €, ne figure pas sur ce relevé : WHY.',
      );
      expect(fr).toContain('la somme de 3 184,97 € au titre des factures ci-dessus avant le 15 juillet 2026');
      expect(await render('reminder', channel, 'fr', two)).toContain(
        'Les 2 autres factures échues de votre compte (F-8, F-9), d’un montant total restant dû de 6 298,76 €, ne figurent pas sur ce relevé : WHY.',
      );
      expect(await render('reminder', channel, 'fr', many)).toContain(
        'Les 12 autres factures échues de votre compte, d’un montant total restant dû de 60 000,00 €, ne figurent',
      );
      const en = await render('reminder', channel, 'en', one);
      expect(en).toContain(
        'Another overdue invoice, F-9, with 849,29 € outstanding, is not on this statement: WHY.',
      );
      expect(en).toContain('the amount of 3 184,97 € due on the invoices above by 15 juillet 2026');
      expect(await render('reminder', channel, 'en', two)).toContain(
        'The 2 other overdue invoices on your account (F-8, F-9), with 6 298,76 € outstanding in total, are not on this statement: WHY.',
      );
    }
    const letter = await render('reminder', 'letter', 'fr', one);
    expect(letter).toContain('Voici le relevé de ces factures au 30 juin 2026 :');
    expect(letter).not.toContain('relevé des sommes dues');
    expect(await render('reminder', 'email', 'fr', one)).toContain(
      'Le relevé de ces factures est joint à ce message.',
    );
  });
});

describe('the shipped formal notice', () => {
  it('totals the invoices above and leaves the other overdue ones out of the notice', async () => {
    const mixed = {
      ...two,
      step_items: { count: 1, refs: 'F-1', total_due: '3 904,18 €' },
      other_items: { count: 1, refs: 'F-2', total_due: '3 331,58 €' },
      totals: { ...base.totals, total_due: '7 235,76 €' },
    };
    for (const [channel, notice] of [
      ['letter', 'la présente mise en demeure'],
      ['email', 'cette mise en demeure'],
    ] as const) {
      const fr = await render('formal_notice', channel, 'fr', mixed);
      expect(fr).toContain('Le total à régler au titre des factures ci-dessus s’élève à 7 235,76 €.');
      expect(fr).not.toContain('Le total dû à ce jour');
      expect(fr).toContain(
        `Les 2 autres factures échues de votre compte (F-8, F-9), d’un montant total restant dû de 6 298,76 €, ne sont pas visées par ${notice} : WHY.`,
      );
      expect(await render('formal_notice', channel, 'fr', one)).toContain(
        `Une autre facture échue, F-9, d’un montant restant dû de 849,29 €, n’est pas visée par ${notice} : WHY.`,
      );
      const en = await render('formal_notice', channel, 'en', mixed);
      expect(en).toContain('The total due on the invoices above is 7 235,76 €.');
      expect(en).toContain(
        'The 2 other overdue invoices on your account (F-8, F-9), with 6 298,76 € outstanding in total, are not covered by this formal notice: WHY.',
      );
    }
    expect(await render('formal_notice', 'letter', 'fr', one)).toContain(
      'Voici le détail des sommes dues à ce titre au 30 juin 2026 :',
    );
  });
});

describe('a letter listing every overdue invoice', () => {
  it('says nothing of others, with or without the variable', async () => {
    for (const vars of [none, base])
      for (const kind of ['reminder', 'formal_notice'] as const)
        for (const channel of ['letter', 'email'] as const)
          for (const lang of ['fr', 'en'] as const) {
            const text = await render(kind, channel, lang, vars);
            expect(text).not.toMatch(/autres? factures? échues?|other overdue|Another overdue|suivi séparé/);
          }
  });
});

describe('the shipped SMS reminder', () => {
  it('gives the total of the invoices it counts, not a sum owed on the whole account', async () => {
    const fr = await render('reminder', 'sms', 'fr', one);
    expect(fr).toContain('Dupont SAS : 3 184,97 € restent dus sur 2 factures échues (compte C1).');
    expect(fr).not.toContain('sur votre compte');
    const en = await render('reminder', 'sms', 'en', one);
    expect(en).toContain('Dupont SAS: 3 184,97 € is overdue on 2 invoices (account C1).');
    // One SMS (160 septets, « € » counting two) for a long name, total, deadline and reference.
    const long = {
      ...one,
      company: { ...base.company, name: 'Transports Martin SAS' },
      customer: { code: 'C000123' },
      totals: { ...base.totals, total_due: '123 456,78 €' },
      deadline: '30 septembre 2026',
      reference: 'REL-20260930-C000123',
    };
    for (const lang of ['fr', 'en'] as const) {
      const sms = toGsm7((await render('reminder', 'sms', lang, long)).trim());
      expect(gsm7Length(sms)).toBeLessThanOrEqual(160);
    }
  });
});
