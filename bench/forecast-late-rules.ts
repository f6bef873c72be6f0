/**
 * Error analysis of issue 14's late/not-late decision on IBM's public AR sample: reads the invoices
 * `bench/ar-sample.ts --items FILE` scored (the model's predicted date at each cut-off) and the
 * sample itself, and scores simple alternative decisions for the invoices not yet due at the
 * cut-off (an overdue one still open is late whatever is predicted), each from what was known then:
 * - the model's date shifted by a few days (is the threshold simply misplaced?);
 * - the model's P(late) at other thresholds;
 * - the customer's own late share (its invoices paid by the cut-off, disputed ones apart from the
 *   others), shrunk toward the company's with k pseudo-invoices;
 * - the median delay of the customer's last m invoices of the same kind (disputed or not).
 * And, as a ceiling only (it reads the future: not a rule), each customer's majority outcome over the
 * whole sample for invoices of the same kind: what the best fixed per-customer decision could reach.
 * Per cut-off accuracy over all open invoices (as ar-sample.ts counts it), the minimum, and how
 * many cut-offs reach 0.85.
 *
 *   node bench/forecast-late-rules.ts /tmp/ibm/ibm.csv /tmp/items.jsonl
 */
import { readFile } from 'node:fs/promises';
import { toDayNumber } from '#core/calendar';

interface Paid {
  customer: string;
  dueDay: number;
  settledDay: number;
  disputed: boolean;
}

interface Scored {
  cutoff: string;
  customer: string;
  dueDate: string;
  predictedDate: string;
  settledDate: string;
  probabilityLate: number;
  disputed: boolean;
}

/** What a rule sees of one invoice not yet due: the model's output and the history at the cut-off. */
interface Case {
  item: Scored;
  dueDay: number;
  predictedDay: number;
  /** The customer's invoices paid by the cut-off, oldest settlement first. */
  history: readonly Paid[];
  companyLateShare: number;
  /** Late share of the customer's invoices of the same kind over the whole sample (ceiling only). */
  wholeSampleLateShare: number;
}

type Rule = (c: Case) => boolean;

const isoOf = (usDate: string) => {
  const [month, day, year] = usDate.split('/');
  return `${year}-${month?.padStart(2, '0')}-${day?.padStart(2, '0')}`;
};

async function readPaid(path: string): Promise<Paid[]> {
  const [header, ...lines] = (await readFile(path, 'utf8')).split(/\r?\n/).filter((line) => line !== '');
  const columns = (header ?? '').split(',');
  const at = (name: string) => columns.indexOf(name);
  return lines.map((line) => {
    const cells = line.split(',');
    return {
      customer: cells[at('customerID')] ?? '',
      dueDay: toDayNumber(isoOf(cells[at('DueDate')] ?? '')),
      settledDay: toDayNumber(isoOf(cells[at('SettledDate')] ?? '')),
      disputed: cells[at('Disputed')] === 'Yes',
    };
  });
}

const isLate = (p: Paid) => p.settledDay > p.dueDay;
const sameKind = (c: Case) => c.history.filter((p) => p.disputed === c.item.disputed);

function shrunkLateShare(k: number, byKind: boolean): Rule {
  return (c) => {
    const own = byKind ? sameKind(c) : c.history;
    const late = own.filter(isLate).length;
    // A disputed invoice without disputed history: the company's disputed ones are mostly late.
    if (own.length + k === 0) return c.companyLateShare >= 0.5;
    return (late + k * c.companyLateShare) / (own.length + k) >= 0.5;
  };
}

function lastMedian(m: number): Rule {
  return (c) => {
    const own = sameKind(c).slice(-m);
    if (own.length < m) return c.predictedDay > c.dueDay;
    const delays = own.map((p) => p.settledDay - p.dueDay).sort((a, b) => a - b);
    return (delays[Math.floor(delays.length / 2)] ?? 0) > 0;
  };
}

const RULES: [string, Rule][] = [
  ['model date (current)', (c) => c.predictedDay > c.dueDay],
  ...[-2, -1, 1, 2].map((t): [string, Rule] => [
    `model date > due + ${t}`,
    (c) => c.predictedDay > c.dueDay + t,
  ]),
  ...[0.4, 0.5, 0.6].map((t): [string, Rule] => [`P(late) ≥ ${t}`, (c) => c.item.probabilityLate >= t]),
  ...[1, 4].map((k): [string, Rule] => [`late share, k = ${k}`, shrunkLateShare(k, false)]),
  ...[1, 4].map((k): [string, Rule] => [`late share same kind, k = ${k}`, shrunkLateShare(k, true)]),
  ...[5, 8].map((m): [string, Rule] => [`median of last ${m} same kind > 0`, lastMedian(m)]),
  ['ceiling: whole-sample majority (future!)', (c) => c.wholeSampleLateShare > 0.5],
];

async function main(): Promise<void> {
  const [samplePath, itemsPath] = process.argv.slice(2);
  if (!samplePath || !itemsPath)
    throw new Error('usage: node bench/forecast-late-rules.ts SAMPLE.csv ITEMS.jsonl');
  const paid = (await readPaid(samplePath)).sort((a, b) => a.settledDay - b.settledDay);
  const items = (await readFile(itemsPath, 'utf8'))
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Scored);
  const cutoffs = [...new Set(items.map((item) => item.cutoff))].sort();
  const wholeSample = Map.groupBy(paid, (p) => `${p.customer} ${p.disputed}`);
  const wholeShare = (item: Scored) => {
    const own = wholeSample.get(`${item.customer} ${item.disputed}`) ?? [];
    return own.filter(isLate).length / Math.max(1, own.length);
  };
  const accuracy = new Map<string, number[]>(RULES.map(([name]) => [name, []]));
  for (const cutoff of cutoffs) {
    const cutoffDay = toDayNumber(cutoff);
    const known = paid.filter((p) => p.settledDay <= cutoffDay);
    const companyLateShare = known.filter(isLate).length / Math.max(1, known.length);
    const byCustomer = Map.groupBy(known, (p) => p.customer);
    const open = items.filter((item) => item.cutoff === cutoff);
    for (const [name, rule] of RULES) {
      let right = 0;
      for (const item of open) {
        const dueDay = toDayNumber(item.dueDate);
        const late = toDayNumber(item.settledDate) > dueDay;
        const history = byCustomer.get(item.customer) ?? [];
        const predictedDay = toDayNumber(item.predictedDate);
        const decided =
          dueDay <= cutoffDay ||
          rule({
            item,
            dueDay,
            predictedDay,
            history,
            companyLateShare,
            wholeSampleLateShare: wholeShare(item),
          });
        if (decided === late) right += 1;
      }
      accuracy.get(name)?.push(right / open.length);
    }
  }
  console.log(
    `| rule | min | cut-offs ≥ 0.85 (of ${cutoffs.length}) | mean of cut-offs | ${cutoffs.join(' | ')} |`,
  );
  console.log(`|---|--:|--:|--:|${cutoffs.map(() => '--:').join('|')}|`);
  for (const [name, values] of accuracy) {
    const f = (v: number) => v.toFixed(3);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const reached = values.filter((v) => v >= 0.85).length;
    console.log(
      `| ${name} | ${f(Math.min(...values))} | ${reached} | ${f(mean)} | ${values.map(f).join(' | ')} |`,
    );
  }
}

await main();
