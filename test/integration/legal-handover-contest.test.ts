/**
 * The legal file tells what its annexes show, on the demo's Mégastore Confluence Strasbourg
 * (C00287, 30 June 2026): the day's dunning run gives it its hand-over step, a call task, then it is
 * handed to a lawyer. Its story holds four calls where it « conteste le montant », with no invoice
 * named, since its first invoice handed over was issued, and three quarrels over other invoices
 * (settled since, two by a credit note). The cover letter says the claim was contested, with the
 * days, and what the other quarrels were about; annex 4 and the file's checklist (as the API and the
 * web page read it) warn that an injunction to pay suits an uncontested claim only. The letter counts
 * the reminders sent to the debtor, not the call task, which annex 1 shows apart as a call. Annex 4
 * says only what the PDF holds: the statement « joint », the invoices on request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '#app/context';
import { executeDunningRun } from '#app/dunning/execute-run';
import { handOver, savePartner } from '#app/legal/handover';
import { getLegalFileDetail } from '#app/legal/handover-checklist';
import { renderHandoverPackage } from '#app/legal/handover-package';
import { buildServer } from '#http/server';
import type { LetterModel } from '#render/letters';
import { openDemoTestDatabase, type TestDatabase } from '../support/test-db.ts';
import { signIn } from './http-fixture.ts';
import { CABINET_DURAND } from './legal-partner.fixture.ts';

const AS_OF = '2026-06-30';
const MEGASTORE = 'C00287';
let database: TestDatabase;
let ctx: AppContext;
let fileId = 0;
let model: LetterModel;

const spaced = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const tables = () => (model.annexes ?? []).flatMap((block) => (block.type === 'table' ? [block.table] : []));
const paragraphs = () =>
  (model.annexes ?? []).flatMap((block) => (block.type === 'paragraph' ? [spaced(block.text)] : []));

beforeAll(async () => {
  database = await openDemoTestDatabase();
  ctx = database.context('CB2C', AS_OF);
  const run = await executeDunningRun(ctx, { asOf: AS_OF, customerCodes: [MEGASTORE] });
  expect(run.actions.map((action) => [action.stepKind, action.channel])).toContainEqual([
    'handover',
    'call_task',
  ]);
  const { partnerId } = await savePartner(ctx, CABINET_DURAND);
  fileId = (await handOver(ctx, { customerCode: MEGASTORE, partnerId })).fileId;
  const rendered = await renderHandoverPackage(ctx, { fileId });
  model = rendered.model;
  expect(rendered.pdf.subarray(0, 5).toString()).toBe('%PDF-');
}, 600_000);
afterAll(async () => database?.close());

describe('the legal file of a customer who contested the amount', () => {
  it('says in the letter that the debtor contested it, when, and what the other quarrels were about', () => {
    const demand = model.text.demand.map(spaced);
    expect(demand).toContain(
      'Le débiteur a contesté le montant réclamé à 4 reprises, du 11 février 2025 au 7 janvier 2026 (voir annexe 3) ; l’injonction de payer ne convient qu’à une créance non contestée (annexe 4). Les autres contestations figurant en annexe 3 portent sur d’autres factures (F2023-001432, F2025-004419 et F2026-000657).',
    );
    expect(demand.join(' ')).not.toContain('n’est pas contestée');
    // Annex 3 shows each contest the letter counts.
    const story = tables().find((table) =>
      table.rows.some((row) => String(row[2]).includes('conteste le montant')),
    );
    expect(
      story?.rows.filter((row) => String(row[2]).includes('conteste le montant')).map((row) => row[0]),
    ).toEqual(['2025-02-11', '2025-06-09', '2025-07-14', '2026-01-07']);
  });

  it('warns in annex 4, on the file’s page and over the API that an injunction to pay does not suit it', async () => {
    const warning =
      'Créance contestée par le débiteur (4 fois, du 11/02/2025 au 07/01/2026) : l’injonction de payer ne convient qu’à une créance non contestée — le débiteur y formerait opposition. Examiner la contestation, puis envisager une assignation en paiement, ou un référé-provision si elle n’est pas sérieuse.';
    expect(paragraphs()).toContain(warning);
    const detail = await getLegalFileDetail(ctx, { fileId });
    expect(detail.checklist.contest).toEqual({ count: 4, first: '2025-02-11', last: '2026-01-07' });
    expect(detail.checklist.ready).toBe(false);
    const app = await buildServer(database.runtime, { webRoot: null });
    try {
      const manager = await signIn(app, 'claire.moreau@cb2c.example');
      const answer = await app.inject({ url: `/api/legal/files/${fileId}`, headers: manager.headers });
      expect(answer.json().checklist.contest).toEqual({ count: 4, first: '2025-02-11', last: '2026-01-07' });
    } finally {
      await app.close();
    }
  });

  it('counts the reminders sent to the debtor, and shows the call task apart as a call', () => {
    const demand = model.text.demand.map(spaced);
    expect(demand).toContain('Une relance a été adressée au débiteur le 5 août 2024.');
    const [reminders, calls] = tables();
    expect(reminders?.rows.map((row) => row[0])).not.toContain(AS_OF);
    expect(calls?.columns[1]?.header).toBe(
      'Étape de relance par téléphone (non comptée parmi les relances adressées au débiteur)',
    );
    // Beside the imported history, whose « Relance niveau 3 » counts its own steps, no level.
    expect(calls?.rows.map((row) => [row[0], row[1]])).toEqual([
      [AS_OF, 'Transmission au contentieux — Appel téléphonique'],
    ]);
  });

  it('lists in annex 4 only what the PDF holds: the statement, not the invoices', () => {
    const checklist = tables().find((table) => table.rows.some((row) => row[0] === 'Factures impayées'));
    const status = new Map(checklist?.rows.map((row) => [row[0], spaced(String(row[1]))]));
    expect(status.get('Factures impayées')).toBe('sur demande (copies non jointes au dossier)');
    expect(status.get('Relevé de compte et décompte de la créance')).toBe('joint au dossier');
    expect([...status.values()].some((text) => text.startsWith('jointe'))).toBe(false);
  });
});
