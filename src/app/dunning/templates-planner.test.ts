/**
 * The shipped formal notice when one registered letter lists invoices at lower steps beside the
 * ones it gives notice for (the planner's one document per customer and day): the notice and its
 * sum name only the invoices at the notice step, the others are listed for payment in the same
 * period. `step_items` / `other_items` are the variables this wording reads (see the planner's
 * report for the change they need in `action-variables.ts`); without them the wording is the
 * single-step one.
 */
import { describe, expect, it } from 'vitest';
import { renderTemplate, shippedTemplate } from './templates.ts';

const base = {
  company: { name: 'Dupont SAS', city: 'Lyon', iban: '', bic: '', phone: '', email: '', signature: '' },
  customer: { code: 'C1', name: 'Alpha' },
  factors: [],
  date: '30 septembre 2025',
  deadline: '8 octobre 2025',
  reference: 'R1',
  reminded_before: true,
  step: { code: 'formal_notice', kind: 'formal_notice', label: 'Mise en demeure' },
  items: [{ ref: 'F-4' }, { ref: 'F-3' }, { ref: 'F-2' }],
  statement: '',
  totals: { total_due: '5 676,20 €', has_interest: true, interest_incomplete: false },
};
const mixed = {
  ...base,
  step_items: { count: 1, refs: 'F-4', total_due: '3 131,87 €' },
  other_items: { count: 2, refs: 'F-3, F-2', total_due: '2 544,33 €' },
};
const single = {
  ...base,
  step_items: { count: 3, refs: 'F-4, F-3, F-2', total_due: '5 676,20 €' },
  other_items: { count: 0, refs: '', total_due: '0,00 €' },
};

const render = async (channel: 'letter' | 'email', lang: 'fr' | 'en', variables: Record<string, unknown>) =>
  Object.values(await renderTemplate(shippedTemplate('formal_notice', channel, lang), variables))
    .join('\n')
    .replace(/\s+/g, ' ');

describe('the shipped formal notice listing invoices at lower steps', () => {
  it('gives notice for the invoices at the notice step only, and asks for the others in the same period', async () => {
    const letter = await render('letter', 'fr', mixed);
    expect(letter).toContain(
      'Malgré nos précédentes relances, restées sans effet, la facture F-4 demeure impayée, de même que les factures F-3, F-2, échues plus récemment.',
    );
    expect(letter).toContain(
      'nous vous mettons en demeure de nous régler, au titre de la facture F-4, la somme de 3 131,87 €',
    );
    expect(letter).toContain(
      'Les factures F-3, F-2 ne font pas l’objet de la présente mise en demeure : nous vous remercions de les régler dans le même délai.',
    );
    expect(letter).toContain('Le total à régler au titre des factures ci-dessus s’élève à 5 676,20 €.');
    expect(letter).toContain(
      'vaut mise en demeure au sens de l’article 1344 du Code civil pour la facture F-4.',
    );
    const email = await render('email', 'fr', mixed);
    expect(email).toContain('la facture F-4 demeure impayée, de même que les factures F-3, F-2');
    expect(email).toContain(
      'au titre de la facture F-4, la somme de 3 131,87 € au plus tard le 8 octobre 2025',
    );
    expect(email).toContain('ne font pas l’objet de cette mise en demeure');
    const en = await render('letter', 'en', mixed);
    expect(en).toContain(
      'invoice F-4 remains unpaid, as do invoices F-3, F-2, which fell due more recently.',
    );
    expect(en).toContain('formal notice to pay, for invoice F-4, the amount of 3 131,87 €');
    expect(en).toContain('Invoices F-3, F-2 are not covered by this formal notice');
    const emailEn = await render('email', 'en', mixed);
    expect(emailEn).toContain('for invoice F-4, the amount of 3 131,87 €');
    expect(emailEn).toContain('as do invoices F-3, F-2, which fell due more recently:');
  });

  it('refers to the table rather than listing more than a few invoice numbers', async () => {
    const refs = (n: number, from: number) => Array.from({ length: n }, (_, i) => `F-${from + i}`).join(', ');
    const many = {
      ...base,
      step_items: {
        count: 42,
        refs: refs(42, 100),
        total_due: '9 999,00 €',
        by_table: true,
        last_due: '15 mars 2026',
      },
      other_items: {
        count: 7,
        refs: refs(7, 200),
        total_due: '1 000,00 €',
        by_table: true,
        last_due: '1 juin 2026',
      },
    };
    const letter = await render('letter', 'fr', many);
    expect(letter).not.toContain('F-1');
    expect(letter).not.toContain('F-2');
    expect(letter).toContain(
      'les 42 factures échues jusqu’au 15 mars 2026 demeurent impayées, de même que les 7 factures échues plus récemment.',
    );
    expect(letter).toContain('au titre des 42 factures échues jusqu’au 15 mars 2026, la somme de 9 999,00 €');
    expect(letter).toContain(
      'Les 7 factures échues plus récemment ne font pas l’objet de la présente mise en demeure',
    );
    expect(letter).toContain('Code civil pour les 42 factures échues jusqu’au 15 mars 2026.');
    for (const [channel, lang] of [
      ['email', 'fr'],
      ['letter', 'en'],
      ['email', 'en'],
    ] as const) {
      const text = await render(channel, lang, many);
      expect(text).not.toMatch(/F-\d/);
      expect(text).toContain(lang === 'fr' ? 'les 42 factures échues jusqu’au' : 'the 42 invoices due up to');
    }
  });

  it('reads as before when every invoice is at the notice step, or without the variables', async () => {
    for (const variables of [single, base]) {
      for (const [channel, lang, demand] of [
        ['letter', 'fr', 'nous vous mettons en demeure de nous régler la somme de 5 676,20 €'],
        ['email', 'fr', 'Nous vous mettons en demeure de nous régler la somme de 5 676,20 €'],
        ['letter', 'en', 'formal notice to pay the amount of 5 676,20 €'],
        ['email', 'en', 'formal notice to pay the amount of 5 676,20 €'],
      ] as const) {
        const text = await render(channel, lang, variables);
        expect(text).toContain(demand);
        expect(text).not.toMatch(
          /plus récemment|more recently|pour la facture|for invoice|font pas l’objet|not covered/,
        );
      }
    }
  });
});
