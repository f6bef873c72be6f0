/**
 * The printed customer file of the demo company as of 2026-06-30, read from its document (no PDF
 * reader): a « Risque et crédit » section with the score, class, limit and cover the web risk panel
 * shows, a chart and a table of the same months, and each event's document named once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '#app/context';
import { recordCover } from '#app/credit/covers';
import { getRiskPanel } from '#app/credit/risk-panel';
import { customerFileDocument } from '#app/customers/customer-file-document';
import type { Block } from '#render/document';
import { formatMoney, formatNumber } from '#text/format';
import { openDemoTestDatabase, type TestDatabase } from '../support/test-db.ts';

const AS_OF = '2026-06-30';
let database: TestDatabase;
let ctx: AppContext;

beforeAll(async () => {
  database = await openDemoTestDatabase();
  ctx = database.context('CB2C', AS_OF);
}, 300_000);
afterAll(async () => {
  await database?.close();
});

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

/** The blocks after a heading, up to the next heading. */
function section(blocks: readonly Block[], heading: string): Block[] {
  const start = blocks.findIndex((b) => b.type === 'heading' && b.text === heading);
  if (start < 0) return [];
  const end = blocks.findIndex((b, i) => i > start && b.type === 'heading');
  return blocks.slice(start + 1, end < 0 ? undefined : end);
}

function facts(blocks: readonly Block[]): Record<string, string> {
  const items = blocks.flatMap((b) => (b.type === 'facts' ? b.items : []));
  return Object.fromEntries(items.map((item) => [item.label, plain(item.value)]));
}

describe('the printed customer file', () => {
  it('states the score, class, limit and cover of the risk panel', async () => {
    const panel = await getRiskPanel(ctx, 'C00003');
    const { doc } = await customerFileDocument(ctx, 'C00003', { asOf: AS_OF, lang: 'fr' });
    const risk = facts(section(doc.blocks, 'Risque et crédit'));
    expect(risk).toEqual({
      Score: formatNumber('fr', panel.score?.score ?? null, 1),
      'Classe de risque': panel.score?.riskClass,
      'Limite en vigueur': plain(formatMoney('fr', panel.limit.limitMinor, 'EUR')),
      'Assurance-crédit': 'Aucune garantie',
    });
    expect(risk).toMatchObject({ Score: '59,6', 'Classe de risque': 'C', 'Limite en vigueur': '5 000,00 €' });

    await recordCover(ctx, {
      customerCode: 'C00003',
      insurer: 'Allianz Trade',
      status: 'granted',
      grantedMinor: 400_000,
      insuredShareBps: 9000,
      effectiveFrom: '2026-01-01',
      expiresOn: '2026-12-31',
    });
    const covered = await customerFileDocument(ctx, 'C00003', { asOf: AS_OF, lang: 'fr' });
    expect(facts(section(covered.doc.blocks, 'Risque et crédit'))).toMatchObject({
      'Assurance-crédit': 'Allianz Trade · Accordée',
      'Montant garanti': '4 000,00 €',
      'Quotité garantie': '90 %',
      'Échéance de la garantie': '31/12/2026',
    });
    const english = await customerFileDocument(ctx, 'C00003', { asOf: AS_OF, lang: 'en' });
    expect(facts(section(english.doc.blocks, 'Risk and credit'))).toMatchObject({
      'Risk class': 'C',
      'Cover expires': '31/12/2026',
    });
  }, 120_000);

  it('charts and tabulates the same twelve months of payments', async () => {
    const { doc } = await customerFileDocument(ctx, 'C00003', { asOf: AS_OF, lang: 'fr' });
    const behaviour = section(doc.blocks, 'Comportement de paiement');
    const chart = behaviour.flatMap((b) => (b.type === 'charts' ? b.charts : []))[0];
    const table = behaviour.flatMap((b) => (b.type === 'table' ? [b.table] : []))[0];
    const months = table?.rows.map((row) => row[0]);
    expect(chart?.labels).toEqual(months);
    expect([months?.[0], months?.at(-1), months?.length]).toEqual(['juil. 2025', 'juin 2026', 12]);
  }, 120_000);

  it('names the document of an event once', async () => {
    const { doc } = await customerFileDocument(ctx, 'C00003', { asOf: AS_OF, lang: 'fr' });
    const table = section(doc.blocks, 'Derniers événements').flatMap((b) =>
      b.type === 'table' ? [b.table] : [],
    )[0];
    const details = (table?.rows ?? []).map((row) => plain(String(row[2])));
    expect(details).toContain('Commande CMD2026-002400 de 966,69 € — En attente de validation.');
    for (const detail of details)
      for (const ref of detail.match(/\b[A-Z]+\d{4}-\d{6}\b/g) ?? [])
        expect(detail.split(ref).length - 1, detail).toBe(1);
  }, 120_000);
});
