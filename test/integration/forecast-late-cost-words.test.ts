/**
 * What the cost of the predicted days late says of the very old invoices it counts up to the
 * horizon only (issue 14), on the demo company as of 30/06/2026: they are the invoices the customer
 * files show with no payment expected and no date, and the dashboard's card and `predict cost` say
 * so — their cost runs to the horizon, where the count stops, never to a payment « placé » there.
 */
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AppContext } from '#app/context';
import { forecastLateCost, type LateCostReport } from '#app/forecast/late-cost';
import { predictPayments } from '#app/forecast/predictions';
import { registerForecastCost } from '#cli/forecast-cost-command';
import { lendRuntime } from '#cli/shared';
import { addDays } from '#core/calendar';
import { BEYOND_HISTORY_DAYS } from '#core/forecast/age-terms';
import { LateCostSchema } from '#http/schemas/forecast-cost';
import { type Lang, translator } from '#text/catalogue';
import { formatDate, formatMoney } from '#text/format';
import { openDemoTestDatabase, type TestDatabase } from '../support/test-db.ts';

const AS_OF = '2026-06-30';
const HORIZON = addDays(AS_OF, BEYOND_HISTORY_DAYS);
let database: TestDatabase;
let ctx: AppContext;
let report: LateCostReport;

beforeAll(async () => {
  database = await openDemoTestDatabase();
  ctx = database.context('CB2C');
  report = await forecastLateCost(ctx, { asOf: AS_OF });
}, 300_000);
afterAll(async () => {
  await database?.close();
});

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

/** The card's sentence, with the parameters ForecastCard.tsx gives it. */
function card(lang: Lang): string {
  return plain(
    translator(lang)('forecastCost.web.beyondHistory', {
      cost: formatMoney(lang, report.beyondHistoryCostMinor, report.currency),
      count: report.beyondHistoryCount,
      until: formatDate(lang, HORIZON),
    }),
  );
}

/** `encours --company CB2C predict cost …` in this process: what it wrote on stdout. */
async function predictCost(...args: string[]): Promise<string> {
  const program = new Command('encours').option('--company <code>').option('--json').exitOverride();
  lendRuntime(program, database.runtime);
  registerForecastCost(program.command('predict'));
  let stdout = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  }) as typeof process.stdout.write);
  try {
    await program.parseAsync(['--company', 'CB2C', 'predict', 'cost', '--as-of', AS_OF, ...args], {
      from: 'user',
    });
  } finally {
    spy.mockRestore();
  }
  return plain(stdout);
}

describe('the invoices costed up to the horizon only', () => {
  it('are the invoices the customer files show with no payment expected, and no date', async () => {
    const predictions = await predictPayments(ctx, { asOf: AS_OF, lang: 'fr' });
    // As the cost counts them: open, not a claim from before an insolvency judgment, median at the horizon.
    const atHorizon = predictions.items.filter(
      (p) =>
        p.openMinor > 0 &&
        !(p.paymentExpected === false && p.reasons[0]?.code === 'insolvency_proceedings') &&
        p.predictedDate >= HORIZON,
    );
    expect([report.beyondHistoryCount, atHorizon.length]).toEqual([194, 194]);
    expect(report.beyondHistoryOpenMinor).toBe(atHorizon.reduce((sum, p) => sum + p.openMinor, 0));
    for (const prediction of atHorizon) {
      expect(prediction.paymentExpected).toBe(false);
      expect(prediction.reasons[0]?.code).toBe('no_payment_expected');
    }
    // The customer file prints that first reason instead of a date: the card gives the same ground.
    const reason = plain(atHorizon[0]?.reasons[0]?.message ?? '');
    expect(reason).toMatch(
      /^Pas de date de paiement prévue : la moitié au moins des factures aussi anciennes/,
    );
    expect(card('fr')).toContain(
      'la moitié au moins des factures aussi anciennes restent impayées au bout d’un an',
    );
  }, 300_000);

  it('words the card so: no payment expected, the horizon where the count stops, a minimum', () => {
    const fr = card('fr');
    expect(fr).toBe(
      'Sur ce même total, 67 512,82 € portent sur 194 factures dont aucun paiement n’est attendu : ' +
        'la moitié au moins des factures aussi anciennes restent impayées au bout d’un an, et leurs fiches ' +
        'clients ne donnent pas de date de paiement. Leur retard n’est compté que jusqu’au 30/06/2027, où ' +
        's’arrête le calcul faute de date de paiement : ce coût est donc un minimum, qui grandit tant ' +
        'qu’elles restent impayées.',
    );
    expect(fr).not.toMatch(/paiement est placé|placé au/);
    const en = card('en');
    expect(en).toContain('194 invoices for which no payment is expected');
    expect(en).toContain(
      'counted only up to 30/06/2027, where the calculation stops for want of a payment date',
    );
    expect(en).not.toMatch(/payment is placed|placed on/);
    // One invoice: the singular, the same sense.
    const one = plain(
      translator('fr')('forecastCost.web.beyondHistory', { cost: '1,00 €', count: 1, until: '30/06/2027' }),
    );
    expect(one).toContain('1 facture dont aucun paiement n’est attendu');
    expect(one).toContain('sa fiche client ne donne pas de date de paiement');
  });

  it('words `predict cost` alike: counted, not expected to be paid, up to the horizon', async () => {
    const fr = await predictCost();
    expect(fr).toContain('Encours compté : 4 864 408,90 € sur 1 133 factures');
    expect(fr).not.toContain('dont le paiement est attendu');
    expect(fr).toContain(
      'Dont 67 512,82 € pour 194 factures dont aucun paiement n’est attendu (652 391,54 €) : ' +
        'la moitié au moins des factures aussi anciennes restent impayées au bout d’un an ; leur retard ' +
        'n’est compté que jusqu’au 30/06/2027, où s’arrête le calcul faute de date de paiement : ' +
        'ce coût est un minimum.',
    );
    expect(fr).not.toContain('prévues à un an');
    const en = await predictCost('--lang', 'en');
    expect(en).toContain(
      'Of which €67,512.82 for 194 invoices for which no payment is expected (€652,391.54)',
    );
    expect(en).not.toContain('a year out');
  }, 300_000);

  it('describes in the API what the figures count: every open invoice but the insolvency claims', async () => {
    const predictions = await predictPayments(ctx, { asOf: AS_OF, lang: 'fr' });
    const open = predictions.items.filter((p) => p.openMinor > 0);
    const claim = (p: (typeof open)[number]) =>
      p.paymentExpected === false && p.reasons[0]?.code === 'insolvency_proceedings';
    const counted = open.filter((p) => !claim(p));
    // openMinor counts the 194 invoices with no payment expected too: not « whose payment is expected ».
    expect([report.invoiceCount, counted.length]).toEqual([1133, 1133]);
    expect(report.openMinor).toBe(counted.reduce((sum, p) => sum + p.openMinor, 0));
    const unexpected = counted.filter((p) => p.paymentExpected === false);
    expect(unexpected).toHaveLength(report.beyondHistoryCount);
    expect(report.notExpectedCount).toBe(open.filter(claim).length);
    const description = (field: keyof typeof LateCostSchema.properties) =>
      String((LateCostSchema.properties[field] as { description?: string }).description);
    expect(description('openMinor')).not.toContain('whose payment is expected');
    expect(description('openMinor')).toContain(
      'every open invoice except the claims from before an insolvency judgment (notExpected…), those for which no payment is expected included',
    );
    expect(description('beyondHistoryCount')).toContain('invoices for which no payment is expected');
    expect(description('beyondHistoryCount')).not.toMatch(/never saw/);
    expect(description('expectedDaysLate')).toContain('over the invoices counted');
  }, 300_000);
});
