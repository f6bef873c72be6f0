/**
 * Which half-years' rates can be entered, judged from the later of the company's reference date and
 * the clock's today: a rate already public in the real world is accepted in a company dated in the
 * past (the demo, at 30/06/2026), and a company dated ahead of the clock still enters the half-year
 * after its own date. Each case fixes both dates, so no outcome moves with the calendar.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCompany } from '#app/companies/companies';
import { listRates, setRate } from '#app/dunning/settings';
import { DomainError, errorText } from '#app/errors';
import type { TestDatabase } from '../support/test-db.ts';
import { openTestDatabase } from '../support/test-db.ts';

let database: TestDatabase;

beforeAll(async () => {
  database = await openTestDatabase();
  const db = { db: database.runtime.handle.db };
  await ensureCompany(db, { companyId: 'PAST', name: 'Passé SA', referenceDate: '2026-06-30' });
  await ensureCompany(db, { companyId: 'AHEAD', name: 'Avance SA', referenceDate: '2027-03-31' });
});
afterAll(async () => {
  await database?.close();
});

const rate = (semester: string) => ({ semester, ecbRateBps: 215, legalInterestRateBps: null, source: 'BCE' });

/** The refusal of `semester` in French and English, or null when it is entered. */
async function refusal(companyId: string, clockToday: string, semester: string) {
  try {
    await setRate(database.context(companyId, clockToday), rate(semester));
    return null;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { code: error.code, fr: errorText(error, 'fr'), en: errorText(error, 'en') };
  }
}

describe('half-years whose rate can be entered', () => {
  it('takes the 1st half of 2027 in a company dated 30/06/2026 when the clock is at 15/12/2026', async () => {
    // Its ECB rate is the one decided in December 2026: public, though after the company's date.
    expect(await refusal('PAST', '2026-12-15', '2027S1')).toBeNull();
    const rows = await listRates(database.context('PAST', '2026-12-15'));
    expect(rows.filter((row) => row.semester >= '2027').map((row) => row.semester)).toEqual(['2027H1']);
  });

  it('refuses the 2nd half of 2027 on 01/07/2026, naming the latest half-year of that date', async () => {
    expect(await refusal('PAST', '2026-07-01', '2027S2')).toEqual({
      code: 'invalid_input',
      fr: 'Le taux du 2nd semestre 2027 ne peut pas encore être connu\u00a0: c’est le taux de la BCE en vigueur le premier jour du semestre. Au 01/07/2026, le dernier semestre que l’on peut saisir est le 1er semestre 2027.',
      en: 'The rate of the second half of 2027 cannot be known yet: it is the ECB rate in force on the first day of the half-year. On 01/07/2026, the latest half-year that can be entered is the first half of 2027.',
    });
  });

  it('judges a company dated ahead of the clock from its own date', async () => {
    // Dated 31/03/2027 while the clock is at 30/06/2026: the 2nd half of 2027 is its next one.
    expect(await refusal('AHEAD', '2026-06-30', 'S2 2027')).toBeNull();
    expect((await refusal('AHEAD', '2026-06-30', '2028H1'))?.fr).toBe(
      'Le taux du 1er semestre 2028 ne peut pas encore être connu\u00a0: c’est le taux de la BCE en vigueur le premier jour du semestre. Au 31/03/2027, le dernier semestre que l’on peut saisir est le 2nd semestre 2027.',
    );
  });
});
