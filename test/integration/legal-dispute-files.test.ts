/**
 * The legal file reuses the documents attached to its invoices' disputes: the package a lawyer
 * receives lists the signed proof of delivery attached when the customer contested the invoice.
 */
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '#app/context';
import { loadDataset } from '#app/demo/load-dataset';
import { attachToDispute } from '#app/dunning/dispute-attachments';
import { openDispute, resolveDispute } from '#app/dunning/disputes';
import { handOver, savePartner } from '#app/legal/handover';
import { buildHandoverPackage } from '#app/legal/handover-package';
import { eur, LedgerBuilder } from '../scenarios/ledger-builder.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';
import { CABINET_DURAND } from './legal-partner.fixture.ts';

let database: TestDatabase;
const ctx = (): AppContext => database.context('LDF', '2025-09-30');
// The smallest file whose bytes say PDF (the attachment's type is checked from its bytes).
const PDF = '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n';

beforeAll(async () => {
  database = await openTestDatabase();
  const b = new LedgerBuilder('LDF').addCustomer('L1', { name: 'Contestataire SARL' });
  b.invoice('L1', '2025-04-01', '2025-05-01', eur(6_000), 'L1-1');
  await loadDataset({ ...ctx(), actor: 'test' }, b.dataset());
}, 120_000);
afterAll(async () => database?.close());

describe('dispute documents in the legal file', () => {
  it('lists the proof of delivery of a rejected dispute in the package’s annexes', async () => {
    const dispute = await openDispute(ctx(), {
      documentRef: 'L1-1',
      reason: 'delivery',
      openedOn: '2025-05-10',
    });
    const path = join(tmpdir(), `pod-${process.pid}.pdf`);
    await writeFile(path, PDF);
    await attachToDispute(ctx(), {
      disputeId: dispute.disputeId,
      filePath: path,
      fileName: 'BL-signé-L1-1.pdf',
      kind: 'proof_of_delivery',
    });
    await resolveDispute(ctx(), {
      disputeId: dispute.disputeId,
      resolution: 'rejected',
      resolvedOn: '2025-06-02',
    });
    const partner = await savePartner(ctx(), CABINET_DURAND);
    const file = await handOver(ctx(), { customerCode: 'L1', partnerId: partner.partnerId });
    const model = await buildHandoverPackage(ctx(), { fileId: file.fileId });
    const annexes = JSON.stringify(model.annexes ?? []);
    expect(annexes).toContain('Pièces des litiges');
    expect(annexes).toContain('BL-signé-L1-1.pdf');
    expect(annexes).toContain('Bon de livraison signé');
  });
});
