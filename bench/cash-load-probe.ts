/**
 * The cost of loading the cash matching's ledger copy alone (ledger-view.ts loadLedgerView):
 * wall time, process CPU, the heap's peak meanwhile and what it keeps after a full collection; then the heap the run's
 * customer index keeps (the other thing a run holds throughout). For comparing versions
 * of the load without a whole matching run around it (the machine is shared: compare CPU, run
 * each version in turn a few times).
 *   node --expose-gc bench/cash-load-probe.ts DATABASE   (a copy of a scale database; read only)
 */

import { buildCustomerIndex } from '#app/cash/customer-index';
import { loadLedgerView } from '#app/cash/ledger-view';
import { fixedClock, silentLogger } from '#app/context';
import { openRuntime } from '#app/runtime';
import { customerNames } from '#db/cash/matching-queries';

const database = process.argv[2];
if (!database) throw new Error('usage: node --expose-gc bench/cash-load-probe.ts DATABASE');
const runtime = await openRuntime(
  { url: `postgres://postgres@127.0.0.1:5432/${database}` },
  { clock: fixedClock('2026-07-31'), log: silentLogger },
);
const ctx = {
  db: runtime.handle.db,
  clock: runtime.clock,
  log: silentLogger,
  actor: 'bench',
  companyId: 'SCALE',
};
const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});
collect();
const heapBefore = process.memoryUsage().heapUsed;
let peakHeap = heapBefore;
const sampler = setInterval(() => {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
}, 10);
const cpuBefore = process.cpuUsage();
const started = performance.now();
const view = await loadLedgerView(ctx);
const cpu = process.cpuUsage(cpuBefore);
clearInterval(sampler);
collect();
const heapWithView = process.memoryUsage().heapUsed;
const index = buildCustomerIndex(await customerNames(ctx.db, ctx.companyId));
collect();
console.log(
  JSON.stringify({
    customerIndexMb: Math.round((process.memoryUsage().heapUsed - heapWithView) / 2 ** 20),
    customers: index.customers.size,
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    retainedMb: Math.round((heapWithView - heapBefore) / 2 ** 20),
    peakHeapMb: Math.round(peakHeap / 2 ** 20),
    marks: view.marks,
  }),
);
await runtime.close();
