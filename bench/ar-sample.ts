/**
 * Issue 14's acceptance check on IBM's public accounts-receivable sample (2,466 invoices of 100
 * customers, 2012–2013; the file is not in this repository: pass its path). For each cut-off D a
 * throwaway database holds only what was known at D, written by the ordinary CSV imports (the CLI's
 * own `import customers|invoices|payments`, run in this process): the customers, the invoices issued
 * by D, one payment per invoice settled by D on its settled date naming its invoice. Then `predict
 * payments --as-of D` (the CLI again) predicts the invoices open at D, each scored against its real
 * settled date, with the two naive baselines of `predict backtest` on the same invoices.
 *
 *   node bench/ar-sample.ts /tmp/ibm/ibm.csv [--cutoffs 2013-03-01,2013-05-01] [--disputes] [--json]
 *     [--items FILE] [--raw-dates] [--channel]
 *
 * `--disputes` adds the sample's Disputed column to the invoices file (the import opens each
 * dispute on its invoice date, so a cut-off knows of it once the invoice is issued). `--items`
 * writes one JSON line per scored invoice (cut-off, prediction, real date) for error analysis;
 * `--raw-dates` hands the imports the sample's own M/D/YYYY dates instead of ISO ones (the figures
 * must not change: each date column's order is told from its values). `--channel` adds a Channel
 * column (papier / électronique): electronic when the invoice was issued after its customer's
 * PaperlessDate, i.e. what was known when it was issued (the sample's own PaperlessBill says the
 * same on all 2,466 rows; checked as the file is read). It takes effect once the invoices import
 * reads a channel field (documents.channel, migration 0056).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openRuntime, type Runtime } from '#app/runtime';
import { runCli } from '#cli/run';
import { toDayNumber } from '#core/calendar';
import { customerMeans } from '#core/forecast/backtest';
import type { InvoiceRecord } from '#core/forecast/types';
import { loadAverage } from './stats.ts';

const COMPANY = 'IBMAR';

interface SampleInvoice {
  customer: string;
  ref: string;
  issueDate: string;
  dueDate: string;
  settledDate: string;
  amount: string;
  disputed: boolean;
  /** Sent electronically: issued after the customer's PaperlessDate. */
  electronic: boolean;
  /** The dates as the sample writes them (M/D/YYYY), for `--raw-dates`. */
  raw: { issueDate: string; dueDate: string; settledDate: string };
}

/** M/D/YYYY → YYYY-MM-DD. */
function isoOf(usDate: string): string {
  const [month, day, year] = usDate.split('/');
  if (!month || !day || !year) throw new Error(`not a M/D/YYYY date: ${usDate}`);
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

async function readSample(path: string): Promise<SampleInvoice[]> {
  const [header, ...lines] = (await readFile(path, 'utf8')).split(/\r?\n/).filter((line) => line !== '');
  const columns = (header ?? '').split(',');
  const at = (name: string) => {
    const index = columns.indexOf(name);
    if (index < 0) throw new Error(`column ${name} missing from ${path}`);
    return index;
  };
  const [customer, ref, issue, due, settled, amount, disputed, paperlessDate, paperlessBill] = [
    'customerID',
    'invoiceNumber',
    'InvoiceDate',
    'DueDate',
    'SettledDate',
    'InvoiceAmount',
    'Disputed',
    'PaperlessDate',
    'PaperlessBill',
  ].map(at) as [number, number, number, number, number, number, number, number, number];
  return lines.map((line) => {
    const cells = line.split(',');
    const cell = (index: number) => cells[index] ?? '';
    // The channel from the dates, as known at issue; the sample's per-invoice flag must agree.
    const electronic = isoOf(cell(issue)) > isoOf(cell(paperlessDate));
    if (electronic !== (cell(paperlessBill) === 'Electronic'))
      throw new Error(`${cell(ref)}: PaperlessBill ${cell(paperlessBill)} against the PaperlessDate`);
    return {
      customer: cell(customer),
      ref: cell(ref),
      issueDate: isoOf(cell(issue)),
      dueDate: isoOf(cell(due)),
      settledDate: isoOf(cell(settled)),
      amount: cell(amount),
      disputed: cell(disputed) === 'Yes',
      electronic,
      raw: { issueDate: cell(issue), dueDate: cell(due), settledDate: cell(settled) },
    };
  });
}

const csv = (rows: readonly (readonly string[])[]) => `${rows.map((row) => row.join(',')).join('\n')}\n`;

interface Variant {
  disputes: boolean;
  /** Write the sample's M/D/YYYY dates unchanged: the imports tell the order from the values. */
  rawDates: boolean;
  /** Write each invoice's channel (papier / électronique). */
  channel: boolean;
}

/** The three files known at the cut-off, in `dir` (selected on the ISO dates either way). */
async function writeFilesAt(
  dir: string,
  sample: readonly SampleInvoice[],
  cutoff: string,
  { disputes, rawDates, channel }: Variant,
) {
  const dates = (i: SampleInvoice) => (rawDates ? i.raw : i);
  const customers = [...new Set(sample.map((invoice) => invoice.customer))].sort();
  const issued = sample.filter((invoice) => invoice.issueDate <= cutoff);
  const paid = issued.filter((invoice) => invoice.settledDate <= cutoff);
  const files = {
    customers: join(dir, 'customers.csv'),
    invoices: join(dir, 'invoices.csv'),
    payments: join(dir, 'payments.csv'),
  };
  await writeFile(
    files.customers,
    csv([['Customer code', 'Name', 'Payment terms'], ...customers.map((code) => [code, code, 'net:30'])]),
  );
  await writeFile(
    files.invoices,
    csv([
      [
        'Invoice number',
        'Customer code',
        'Invoice date',
        'Due date',
        'Amount',
        ...(disputes ? ['Disputed'] : []),
        ...(channel ? ['Channel'] : []),
      ],
      ...issued.map((i) => [
        i.ref,
        i.customer,
        dates(i).issueDate,
        dates(i).dueDate,
        i.amount,
        ...(disputes ? [i.disputed ? 'Yes' : 'No'] : []),
        ...(channel ? [i.electronic ? 'électronique' : 'papier'] : []),
      ]),
    ]),
  );
  await writeFile(
    files.payments,
    csv([
      ['Payment reference', 'Customer code', 'Payment date', 'Amount', 'Invoice number'],
      ...paid.map((i) => [`P${i.ref}`, i.customer, dates(i).settledDate, i.amount, i.ref]),
    ]),
  );
  return files;
}

/** Runs an `encours` command on the runtime's database and returns what it printed on stdout. */
async function cli(runtime: Runtime, args: readonly string[]): Promise<string> {
  const chunks: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  }) as typeof process.stdout.write;
  let code: number | undefined;
  try {
    code = await runCli(['--company', COMPANY, '--json', ...args], { runtime });
  } finally {
    process.stdout.write = write;
  }
  const out = chunks.join('');
  if (code) throw new Error(`encours ${args.join(' ')} failed (${code}): ${out}`);
  return out;
}

interface Item {
  documentRef: string;
  dueDate: string;
  predictedDate: string;
  probabilityLate: number;
}

interface Tally {
  invoices: number;
  notYetDue: number;
  model: { absoluteError: number; lateByDate: number; lateByProbability: number; notDueLate: number };
  dueDate: { absoluteError: number; late: number };
  meanDelay: { absoluteError: number; late: number };
}

const emptyTally = (): Tally => ({
  invoices: 0,
  notYetDue: 0,
  model: { absoluteError: 0, lateByDate: 0, lateByProbability: 0, notDueLate: 0 },
  dueDate: { absoluteError: 0, late: 0 },
  meanDelay: { absoluteError: 0, late: 0 },
});

/** The customer's mean delay (settled − due, days) over its invoices settled by the cut-off; else everyone's. */
function meanDelays(sample: readonly SampleInvoice[], cutoff: string) {
  // The baseline of `predict backtest` itself, on the sample's invoices.
  const records: InvoiceRecord[] = sample.map((invoice, index) => ({
    documentId: index + 1,
    customerCode: invoice.customer,
    customerType: 'sample',
    documentRef: invoice.ref,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    amountMinor: 0,
    currency: 'USD',
    settledOn: invoice.settledDate,
    settledByPayment: true,
  }));
  const { byCustomer, all } = customerMeans(records, cutoff);
  return (customer: string) => byCustomer.get(customer) ?? all;
}

function score(tally: Tally, invoice: SampleInvoice, item: Item, cutoff: string, meanDelay: number): void {
  const actual = toDayNumber(invoice.settledDate);
  const due = toDayNumber(invoice.dueDate);
  const late = actual > due;
  const predicted = toDayNumber(item.predictedDate);
  tally.invoices += 1;
  tally.model.absoluteError += Math.abs(predicted - actual);
  const byDate = predicted > due === late;
  tally.model.lateByDate += byDate ? 1 : 0;
  tally.model.lateByProbability += item.probabilityLate >= 0.5 === late ? 1 : 0;
  if (invoice.dueDate > cutoff) {
    tally.notYetDue += 1;
    tally.model.notDueLate += byDate ? 1 : 0;
  }
  tally.dueDate.absoluteError += Math.abs(due - actual);
  tally.dueDate.late += late ? 0 : 1;
  tally.meanDelay.absoluteError += Math.abs(Math.round(due + meanDelay) - actual);
  tally.meanDelay.late += meanDelay > 0 === late ? 1 : 0;
}

interface ScoredItem {
  cutoff: string;
  customer: string;
  ref: string;
  dueDate: string;
  predictedDate: string;
  settledDate: string;
  probabilityLate: number;
  disputed: boolean;
}

async function atCutoff(
  sample: readonly SampleInvoice[],
  cutoff: string,
  image: string,
  variant: Variant,
  scored: ScoredItem[],
) {
  const dir = await mkdtemp(join(tmpdir(), 'encours-ar-'));
  const runtime = await openRuntime({ url: 'memory://', image });
  try {
    const files = await writeFilesAt(dir, sample, cutoff, variant);
    await cli(runtime, ['import', 'customers', files.customers]);
    await cli(runtime, ['import', 'invoices', files.invoices]);
    await cli(runtime, ['import', 'payments', files.payments]);
    const predicted = JSON.parse(await cli(runtime, ['predict', 'payments', '--as-of', cutoff])) as {
      items: Item[];
    };
    const byRef = new Map(predicted.items.map((item) => [item.documentRef, item]));
    const delayOf = meanDelays(sample, cutoff);
    const tally = emptyTally();
    for (const invoice of sample) {
      if (invoice.issueDate > cutoff || invoice.settledDate <= cutoff) continue;
      const item = byRef.get(invoice.ref);
      if (!item) throw new Error(`${invoice.ref}, open at ${cutoff}, has no prediction`);
      score(tally, invoice, item, cutoff, delayOf(invoice.customer));
      const { customer, ref, dueDate, settledDate, disputed } = invoice;
      const { predictedDate, probabilityLate } = item;
      scored.push({ cutoff, customer, ref, dueDate, predictedDate, settledDate, probabilityLate, disputed });
    }
    return tally;
  } finally {
    await runtime.close();
    await rm(dir, { recursive: true, force: true });
  }
}

function add(into: Tally, from: Tally): void {
  into.invoices += from.invoices;
  into.notYetDue += from.notYetDue;
  for (const key of Object.keys(into.model) as (keyof Tally['model'])[]) into.model[key] += from.model[key];
  for (const key of ['absoluteError', 'late'] as const) {
    into.dueDate[key] += from.dueDate[key];
    into.meanDelay[key] += from.meanDelay[key];
  }
}

const r2 = (value: number) => Math.round(value * 100) / 100;
const r3 = (value: number) => Math.round(value * 1000) / 1000;

function figures(cutoff: string, t: Tally) {
  const n = Math.max(1, t.invoices);
  return {
    cutoff,
    openInvoices: t.invoices,
    notYetDue: t.notYetDue,
    maeDays: {
      model: r2(t.model.absoluteError / n),
      dueDate: r2(t.dueDate.absoluteError / n),
      customerMeanDelay: r2(t.meanDelay.absoluteError / n),
    },
    lateAccuracy: {
      model: r3(t.model.lateByDate / n),
      modelProbability: r3(t.model.lateByProbability / n),
      modelNotYetDue: r3(t.model.notDueLate / Math.max(1, t.notYetDue)),
      dueDate: r3(t.dueDate.late / n),
      customerMeanDelay: r3(t.meanDelay.late / n),
    },
  };
}

const DEFAULT_CUTOFFS = Array.from({ length: 10 }, (_, i) => `2013-${String(i + 1).padStart(2, '0')}-01`);

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      cutoffs: { type: 'string' },
      disputes: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      items: { type: 'string' },
      'raw-dates': { type: 'boolean', default: false },
      channel: { type: 'boolean', default: false },
    },
  });
  const path = positionals[0];
  if (!path)
    throw new Error(
      'usage: node bench/ar-sample.ts SAMPLE.csv [--cutoffs D,D] [--disputes] [--json] [--items FILE] [--raw-dates] [--channel]',
    );
  const cutoffs = values.cutoffs ? values.cutoffs.split(',') : DEFAULT_CUTOFFS;
  const sample = await readSample(path);
  const load = loadAverage();
  // Migrating an empty cluster once, then each cut-off's database starts from its image.
  const imageDir = await mkdtemp(join(tmpdir(), 'encours-ar-image-'));
  const image = join(imageDir, 'migrated.img');
  const first = await openRuntime({ url: 'memory://' });
  await first.handle.saveImage?.(image);
  await first.close();
  const rows = [];
  const all = emptyTally();
  const scored: ScoredItem[] = [];
  try {
    for (const cutoff of cutoffs) {
      const variant = { disputes: values.disputes, rawDates: values['raw-dates'], channel: values.channel };
      const tally = await atCutoff(sample, cutoff, image, variant, scored);
      add(all, tally);
      rows.push(figures(cutoff, tally));
      if (!values.json) process.stderr.write(`${cutoff} done\n`);
    }
  } finally {
    await rm(imageDir, { recursive: true, force: true });
  }
  if (values.items) await writeFile(values.items, scored.map((item) => `${JSON.stringify(item)}\n`).join(''));
  const result = {
    invoices: sample.length,
    disputes: values.disputes,
    rawDates: values['raw-dates'],
    channel: values.channel,
    load: { before: load, after: loadAverage() },
    cutoffs: rows,
    overall: figures('all', all),
  };
  if (values.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  console.log(
    '| cut-off | open | not yet due | MAE model / due date / mean delay | late acc. model (date) / P≥0.5 / not-yet-due / due date / mean delay |',
  );
  console.log('|---|--:|--:|---|---|');
  for (const row of [...rows, result.overall]) {
    const m = row.maeDays;
    const l = row.lateAccuracy;
    console.log(
      `| ${row.cutoff} | ${row.openInvoices} | ${row.notYetDue} | ${m.model} / ${m.dueDate} / ${m.customerMeanDelay} | ${l.model} / ${l.modelProbability} / ${l.modelNotYetDue} / ${l.dueDate} / ${l.customerMeanDelay} |`,
    );
  }
  console.log(`load ${result.load.before} → ${result.load.after}`);
}

await main();
