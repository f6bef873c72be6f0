/**
 * The cover letter names the invoices a formal notice covered when they are few; past a handful
 * (37 on the demo's largest file) it names five and counts the others, which annex 2 lists, in the
 * intro and in the sentence of the notices alike, in French and in English.
 */
import { describe, expect, it } from 'vitest';
import type { DebtorRow } from '#db/legal/handover-package-queries';
import type { Lang } from '#text/catalogue';
import type { FileReminder } from './handover-chasing.ts';
import { type LetterFacts, letterText, noticeInvoices } from './handover-letter-text.ts';
import type { LegalFileView } from './handover-view.ts';

const refs = (count: number) =>
  Array.from({ length: count }, (_, i) => `F-${String(i + 1).padStart(2, '0')}`);

const debtor: DebtorRow = {
  code: 'C1',
  name: 'Guérin Négoce',
  siren: '463122242',
  customerType: 'company',
  status: 'active',
  addressLine1: null,
  addressLine2: null,
  postalCode: '80000',
  city: 'Amiens',
  country: 'FR',
  legalFormCode: null,
  ordersOnRecord: true,
};

/**
 * A file of `invoices` open invoices, reminded once then put on notice twice, the latest notice
 * (its time to pay run out) covering the first `covered`.
 */
function facts(lang: Lang, invoices: number, covered: number): LetterFacts {
  const all = refs(invoices);
  // Only the fields the letter reads: the rest of a file's view plays no part in its words.
  const file = {
    fileId: 1,
    customerName: 'Guérin Négoce',
    partnerKind: 'lawyer',
    currency: 'EUR',
    amicableCommissionBps: 1_000,
    judicialCommissionBps: 1_500,
    fileFeeMinor: 15_000,
    judicialFeeMinor: 0,
    invoices: all.map((documentRef) => ({ documentRef, openMinor: 100_000 })),
  } as unknown as LegalFileView;
  const notice: FileReminder = {
    date: '2026-05-05',
    origin: 'dunning',
    stepKind: 'formal_notice',
    level: 3,
    channel: 'registered_letter',
    totalDueMinor: covered * 100_000,
    currency: 'EUR',
    refs: all.slice(0, covered),
    detail: null,
    delivery: null,
    covered: all.slice(0, covered),
  };
  return {
    lang,
    file,
    debtor,
    date: '2026-06-30',
    totals: {
      openMinor: invoices * 100_000,
      interestMinor: 0,
      indemnityMinor: invoices * 4_000,
      creditsMinor: 0,
      totalDueMinor: invoices * 104_000,
    },
    reminders: [
      // The reminder named every invoice: the intro tells none apart as never reminded.
      {
        ...notice,
        date: '2026-03-05',
        stepKind: 'reminder',
        channel: 'letter',
        level: 2,
        refs: all,
        covered: all,
      },
      { ...notice, date: '2026-04-06' },
      notice,
    ],
    notice,
    hasStory: false,
    contest: null,
    elsewhere: null,
    pieces: { listed: 0, appended: 0 },
  };
}

/** The intro and the sentence of the formal notice, their no-break spaces as plain ones. */
const sentences = (lang: Lang, invoices: number, covered: number) => {
  const text = letterText(facts(lang, invoices, covered));
  const plain = (line: string) => line.replace(/[\u00a0\u202f]/g, ' ');
  return {
    intro: plain(text.intro.join(' ')),
    notices: plain(text.demand.find((line) => line.includes('F-01')) ?? ''),
  };
};

describe('the invoices a formal notice covered, in the cover letter', () => {
  it('names five of 37 and refers to annex 2 for the 32 others, in the intro and the notices’ sentence', () => {
    const { intro, notices } = sentences('fr', 48, 37);
    const named = 'les factures F-01, F-02, F-03, F-04, F-05 et 32 autres (détaillées en annexe 2)';
    expect(intro).toContain(
      `malgré nos relances, dont ${named} malgré notre mise en demeure du 5 mai 2026 :`,
    );
    expect(notices).toContain(`parmi les factures transmises, la dernière ne visait que ${named}.`);
    expect(intro).not.toContain('F-06');
    expect(notices).not.toContain('F-37');
  });

  it('says the same in English', () => {
    const { intro, notices } = sentences('en', 48, 37);
    const named = 'invoices F-01, F-02, F-03, F-04, F-05, and 32 others (listed in appendix 2)';
    expect(intro).toContain(`despite our reminders, ${named} also despite our formal notice of 5 May 2026:`);
    expect(notices).toContain(`of the invoices handed over, the last one named only ${named}.`);
  });

  it('names them all when they are few: six rather than five and « 1 autre »', () => {
    expect(noticeInvoices('fr', refs(6))).toBe('F-01, F-02, F-03, F-04, F-05 et F-06');
    expect(noticeInvoices('fr', refs(7))).toBe(
      'F-01, F-02, F-03, F-04, F-05 et 2 autres (détaillées en annexe 2)',
    );
    expect(sentences('fr', 8, 6).notices).toContain(
      'la dernière ne visait que les factures F-01, F-02, F-03, F-04, F-05 et F-06.',
    );
    expect(noticeInvoices('en', refs(2))).toBe('F-01 and F-02');
  });
});

describe('the invoices never reminded, in the cover letter', () => {
  /** Reminded and put on notice for the first `chased` of `invoices`; the others fell due since. */
  const intro = (lang: Lang, invoices: number, chased: number) => {
    const base = facts(lang, invoices, chased);
    const first = refs(invoices).slice(0, chased);
    const reminders = base.reminders.map((r) => ({ ...r, refs: first, covered: first }));
    const text = letterText({ ...base, reminders, notice: reminders.at(-1) });
    return text.intro.join(' ').replace(/[\u00a0\u202f]/g, ' ');
  };

  it('says « malgré nos relances » only of the invoices reminded, and names the others', () => {
    expect(intro('fr', 3, 1)).toMatch(
      /, qui reste redevable des factures suivantes, échues et impayées : la facture F-01 malgré nos relances et notre mise en demeure du 5 mai 2026, et les factures F-02 et F-03, qui n’ont pas encore été relancées :$/,
    );
    expect(intro('en', 3, 2)).toMatch(
      /, which still owes the following invoices, due and unpaid: invoices F-01 and F-02 despite our reminders and our formal notice of 5 May 2026, and invoice F-03, not yet reminded:$/,
    );
    // Every invoice reminded: the one sentence of before.
    expect(intro('fr', 3, 3)).toMatch(
      /échues et impayées malgré nos relances et notre mise en demeure du 5 mai 2026 :$/,
    );
  });
});

describe('whether the claim is contested, in the cover letter', () => {
  const said = (lang: Lang, extra: Partial<LetterFacts>) => {
    const demand = letterText({ ...facts(lang, 3, 3), hasStory: true, ...extra }).demand;
    return demand
      .map((line) => line.replace(/[\u00a0\u202f]/g, ' '))
      .find((line) => /contest|disput/.test(line));
  };
  const calls = { count: 4, first: '2025-02-11', last: '2026-01-07', refs: [], account: true };

  it('says the debtor contested the amount, with the days, when its story shows it', () => {
    expect(said('fr', { contest: calls })).toBe(
      'Le débiteur a contesté le montant réclamé à 4 reprises, du 11 février 2025 au 7 janvier 2026 (voir annexe 3) ; l’injonction de payer ne convient qu’à une créance non contestée (annexe 4).',
    );
    expect(said('en', { contest: calls })).toBe(
      'The debtor disputed the amount claimed 4 times, from 11 February 2025 to 7 January 2026 (see appendix 3); an injunction to pay suits an undisputed claim only (appendix 4).',
    );
    const one = { count: 1, first: '2026-03-02', last: '2026-03-02', refs: ['F-02'], account: false };
    expect(said('fr', { contest: one })).toMatch(
      /^Le débiteur a contesté la facture F-02 le 2 mars 2026 \(voir annexe 3\)/,
    );
    // Annex 3's quarrels over other invoices are named for what they are.
    const others = { count: 3, refs: ['F2023-001432', 'F2025-004419', 'F2026-000657'], earlier: false };
    expect(said('fr', { contest: calls, elsewhere: others })).toMatch(
      /\(annexe 4\)\. Les autres contestations figurant en annexe 3 portent sur d’autres factures \(F2023-001432, F2025-004419 et F2026-000657\)\.$/,
    );
  });

  it('never calls the claim uncontested without saying what annex 3’s contests were about', () => {
    const other = { count: 2, refs: ['F2025-004419', 'F2026-000657'], earlier: false };
    expect(said('fr', { elsewhere: other })).toBe(
      'À notre connaissance, les factures transmises ne sont pas contestées : les contestations figurant en annexe 3 portent sur d’autres factures (F2025-004419 et F2026-000657).',
    );
    expect(said('fr', { elsewhere: { count: 1, refs: [], earlier: true } })).toBe(
      'À notre connaissance, les factures transmises ne sont pas contestées : la contestation figurant en annexe 3 est antérieure à leur émission.',
    );
    expect(said('fr', {})).toBe('À notre connaissance, cette créance n’est pas contestée.');
  });
});
