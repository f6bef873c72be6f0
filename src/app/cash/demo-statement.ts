/**
 * The demo company's month of receipts (demo-receipts.ts) offered by the cash page, which has
 * nothing to show before a first statement: its file to download, to try the ordinary upload, and
 * its import through the same use case as any statement (`importBankStatement`: idempotent,
 * audited, the matching job queued). Offered only to a company whose ledger holds every invoice the
 * month pays as the demo loader wrote it — the demo company SA CB2C of the default seed, as
 * `npm start` loads it: anywhere else its receipts would name invoices nobody owes.
 *
 * The month holds the receipts paying invoices still open on the demo's reference date, which the
 * ledger does not have yet (about 490 k€, June 2026), and the ledger's own June payments as the
 * bank booked them: the matching recognises those as recorded already (core/cash/recorded.ts), so
 * the June bank reconciliation pairs them and lists only what is genuinely apart — the receipts
 * still to match (among them three bank lines the matching only suggests as recorded payments,
 * their payer unreadable: one click pairs each), the three nobody can place, and the cheque of May
 * returned unpaid on 2 June, whose return line the month does not carry.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countBankStatements, countInvoicesOfSource } from '#db/cash/demo-statement-queries';
import type { DemoDataset } from '#demo/index';
import type { Lang } from '#text/catalogue';
import type { AppContext } from '../context.ts';
import { generateDemoDataset } from '../demo/demo.ts';
import { DomainError } from '../errors.ts';
import { demoBankMonth } from './demo-receipts.ts';
import { type BankImportSummary, importBankStatement } from './import-bank.ts';

/** The demo's company code: asked first, so that no other company pays for making the month. */
const DEMO_COMPANY: DemoDataset['company']['code'] = 'CB2C';
export const DEMO_STATEMENT_FILE_NAME = 'releve-demo-cb2c-2026-06.xml';

interface DemoStatement {
  camt: string;
  fromDate: string;
  toDate: string;
  /** The invoices the month pays, by the source the demo loader writes them under. */
  invoiceRefsBySource: Map<string, string[]>;
}

let made: DemoStatement | undefined;

/** Made once per process (about a second: the demo data set is generated again), then kept. */
function demoStatement(): DemoStatement {
  if (made) return made;
  const dataset = generateDemoDataset();
  const { receipts, camt } = demoBankMonth(undefined, dataset);
  const named = new Set(receipts.flatMap((receipt) => receipt.truth?.invoiceRefs ?? []));
  const invoiceRefsBySource = new Map<string, string[]>();
  for (const document of dataset.documents)
    if (document.kind === 'invoice' && named.has(document.externalRef))
      invoiceRefsBySource.set(document.source, [
        ...(invoiceRefsBySource.get(document.source) ?? []),
        document.externalRef,
      ]);
  made = {
    camt,
    fromDate: receipts[0]?.bookingDate ?? dataset.company.asOf,
    toDate: receipts.at(-1)?.bookingDate ?? dataset.company.asOf,
    invoiceRefsBySource,
  };
  return made;
}

async function isDemoLedger(ctx: AppContext): Promise<boolean> {
  if (ctx.companyId !== DEMO_COMPANY) return false;
  for (const [source, refs] of demoStatement().invoiceRefsBySource)
    if ((await countInvoicesOfSource(ctx.db, ctx.companyId, source, refs)) !== refs.length) return false;
  return true;
}

async function demoStatementOf(ctx: AppContext): Promise<DemoStatement> {
  if (!(await isDemoLedger(ctx)))
    throw new DomainError('not_found', {
      key: 'errors.cash.noDemoStatement',
      params: { company: ctx.companyId },
    });
  return demoStatement();
}

export interface DemoStatementOffer {
  /** Statements the company has imported, from any file: the cash page explains itself while none. */
  statementsImported: number;
  /** The demo statement can be downloaded and imported (the company is the demo's). */
  available: boolean;
  fileName: string;
  /** The days its receipts are booked on (null when not offered). */
  fromDate: string | null;
  toDate: string | null;
}

export async function getDemoStatementOffer(ctx: AppContext): Promise<DemoStatementOffer> {
  const statementsImported = await countBankStatements(ctx.db, ctx.companyId);
  const available = await isDemoLedger(ctx);
  const statement = available ? demoStatement() : null;
  return {
    statementsImported,
    available,
    fileName: DEMO_STATEMENT_FILE_NAME,
    fromDate: statement?.fromDate ?? null,
    toDate: statement?.toDate ?? null,
  };
}

/** The camt.053 file itself, as `encours demo --bank-month FILE` writes it. */
export async function getDemoStatementFile(ctx: AppContext): Promise<{ fileName: string; content: string }> {
  const { camt } = await demoStatementOf(ctx);
  return { fileName: DEMO_STATEMENT_FILE_NAME, content: camt };
}

/** Imports the demo statement as an uploaded file would be: a second import adds nothing. */
export async function importDemoStatement(
  ctx: AppContext,
  input: { lang?: Lang } = {},
): Promise<BankImportSummary> {
  const { camt } = await demoStatementOf(ctx);
  const folder = await mkdtemp(join(tmpdir(), 'encours-demo-statement-'));
  try {
    const filePath = join(folder, DEMO_STATEMENT_FILE_NAME);
    await writeFile(filePath, camt);
    return await importBankStatement(ctx, {
      filePath,
      fileName: DEMO_STATEMENT_FILE_NAME,
      ...(input.lang ? { lang: input.lang } : {}),
    });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
