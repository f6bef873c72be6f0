import { describe, expect, it } from 'vitest';
import { renderTemplate, shippedTemplate } from './templates.ts';

const variables = (remindedBefore: boolean, interestIncomplete: boolean, noticeBefore = '') => ({
  company: { name: 'Dupont SAS', city: 'Lyon', iban: '', bic: '', phone: '', email: '', signature: '' },
  customer: { code: 'C1', name: 'Alpha' },
  factors: [],
  date: '14 août 2025',
  deadline: '22 août 2025',
  reference: 'R1',
  reminded_before: remindedBefore,
  notice_before: noticeBefore,
  step: { code: 'formal_notice', kind: 'formal_notice', label: 'Mise en demeure' },
  items: [{ ref: 'A1' }],
  totals: {
    total_due: '1 000,00 €',
    has_interest: !interestIncomplete,
    interest_incomplete: interestIncomplete,
  },
});

describe('the shipped formal notice', () => {
  it('says « despite our previous reminders » only when an earlier step reached the invoices', async () => {
    for (const channel of ['letter', 'email'] as const) {
      const fr = shippedTemplate('formal_notice', channel, 'fr');
      const first = Object.values(await renderTemplate(fr, variables(false, false))).join('\n');
      const later = Object.values(await renderTemplate(fr, variables(true, false))).join('\n');
      expect([first.includes('précédentes relances'), later.includes('précédentes relances')]).toEqual([
        false,
        true,
      ]);
      // A mise en demeure opens plainly, never on the amicable hedge that would undermine it.
      expect(first).toContain('Nous constatons qu’à ce jour, l');
      expect(first + later).not.toContain('Sauf erreur');
      const en = shippedTemplate('formal_notice', channel, 'en');
      const firstEn = Object.values(await renderTemplate(en, variables(false, false))).join('\n');
      expect(firstEn).toContain('We note that, to date, the following invoice');
      expect([firstEn.includes('previous reminders'), firstEn.includes('Unless we are mistaken')]).toEqual([
        false,
        false,
      ]);
    }
  });

  it('recalls the account’s earlier notice for an invoice never reminded that joins it', async () => {
    for (const channel of ['letter', 'email'] as const) {
      const fr = shippedTemplate('formal_notice', channel, 'fr');
      const joined = Object.values(await renderTemplate(fr, variables(false, false, '5 juin 2026'))).join(
        '\n',
      );
      expect(joined).toContain(
        'Outre les factures visées par notre mise en demeure du 5 juin 2026, nous constatons qu’à ce jour, l',
      );
      expect(joined).not.toContain('précédentes relances');
      const en = shippedTemplate('formal_notice', channel, 'en');
      expect(
        Object.values(await renderTemplate(en, variables(false, false, '5 June 2026'))).join('\n'),
      ).toContain(
        'In addition to the invoices covered by our formal notice of 5 June 2026, we note that, to date, the following invoice',
      );
      // Reminded before, the reminders come first.
      const reminded = Object.values(await renderTemplate(fr, variables(true, false, '5 juin 2026'))).join(
        '\n',
      );
      expect(reminded).toContain('Malgré nos précédentes relances');
    }
  });

  it('says invoices due after the earlier notice came due since it, and recalls those it covers', async () => {
    // The run of 30/06: invoices due 21 and 25 June, three others under the notice of 5 June.
    const since = (lang: 'fr' | 'en', noticed: number) => ({
      ...variables(false, false, lang === 'fr' ? '5 juin 2026' : '5 June 2026'),
      due_since_notice: true,
      items: [{ ref: 'A1' }, { ref: 'A2' }],
      step_items: { count: 2, refs: 'A1, A2' },
      other_items: { count: 0 },
      separate_items: { count: 3, refs: 'B1, B2, B3', listed: true, open: '900,00 €', why: 'WHY', noticed },
    });
    const text = async (lang: 'fr' | 'en', channel: 'letter' | 'email', noticed: number) =>
      Object.values(
        await renderTemplate(shippedTemplate('formal_notice', channel, lang), since(lang, noticed)),
      )
        .join('\n')
        .replace(/\s+/g, ' ');
    for (const channel of ['letter', 'email'] as const) {
      const fr = await text('fr', channel, 3);
      expect(fr).toContain('Depuis notre mise en demeure du 5 juin 2026, restée sans effet, les factures');
      expect(fr).toContain('sont venues à échéance et demeurent impayées');
      expect(fr).not.toContain('Après notre mise en demeure');
      expect(fr).toContain(
        `ne sont pas reprises dans ${channel === 'letter' ? 'la présente lettre' : 'ce message'} : WHY.`,
      );
      expect(fr).not.toMatch(/pas visées/);
      expect(await text('fr', channel, 0)).toMatch(
        /pas visées par (la présente|cette) mise en demeure : WHY/,
      );
      const en = await text('en', channel, 3);
      expect(en).toContain(
        'Since our formal notice of 5 June 2026, which has remained unanswered, the following',
      );
      expect(en).toContain('have fallen due and remain unpaid');
      expect(en).toMatch(/are not repeated in this (letter|message): WHY/);
      expect(en).not.toContain('not covered');
    }
  });

  it('does not say the interest is included when a semester’s rate is missing', async () => {
    const fr = shippedTemplate('formal_notice', 'letter', 'fr');
    const complete = (await renderTemplate(fr, variables(true, false)))['demand'] ?? '';
    const incomplete = (await renderTemplate(fr, variables(true, true)))['demand'] ?? '';
    expect(complete).toContain('les pénalités de retard calculées au 14 août 2025');
    expect(incomplete).not.toContain('calculées au');
    expect(incomplete).toContain('vous seront réclamées séparément');
    const en = shippedTemplate('formal_notice', 'letter', 'en');
    expect((await renderTemplate(en, variables(true, true)))['demand']).toContain(
      'will be claimed separately',
    );
  });
});

describe('the shipped reminder letter', () => {
  const reminder = (partial: boolean) => ({
    ...variables(true, false),
    step: { code: 'reminder_2', kind: 'reminder', label: 'Relance' },
    items: [{ ref: 'A1' }, { ref: 'A2' }, { ref: 'A3' }],
    totals: {
      total_due: '3 100,00 €',
      interest: '12,00 €',
      indemnity: '80,00 €',
      has_interest: true,
      has_indemnity: true,
      interest_partial: partial,
      indemnity_partial: partial,
      indemnity_count: partial ? 2 : 3,
    },
  });

  it('says which invoices carry the indemnity and the interest when an early-step line claims neither', async () => {
    for (const [lang, carried] of [
      [
        'fr',
        'nous la réclamons à ce stade pour les 2 factures dont le relevé indique le montant, soit 80,00 €',
      ],
      [
        'en',
        'at this stage we claim it for the 2 invoices whose amount the statement shows, that is 80,00 €',
      ],
    ] as const) {
      const template = shippedTemplate('reminder', 'letter', lang);
      const partial = (await renderTemplate(template, reminder(true)))['demand'] ?? '';
      const whole = (await renderTemplate(template, reminder(false)))['demand'] ?? '';
      expect(partial).toContain(carried);
      expect(partial).toMatch(
        /pour les factures dont le relevé indique le montant|for the invoices whose amount/,
      );
      expect(whole).not.toContain(carried);
      expect(whole).not.toMatch(/dont le relevé|whose amount the statement/);
    }
  });
});
