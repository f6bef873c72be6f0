/**
 * The cost of loading the cash matching's ledger copy alone (ledger-view.ts loadLedgerView):
 * wall time, process CPU and the heap it keeps after a full collection. For comparing versions
 * of the load without a whole matching run around it (the machine is shared: compare CPU, run
 * each version in turn a few times).
 *   node --expose-gc bench/cash-load-probe.ts DATABASE   (a copy of a scale database; read only)
 */
import { loadLedgerView } from '#app/cash/ledger-view';
import { fixedClock, silentLogger } from '#app/context';
import { openRuntime } from '#app/runtime';

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
const cpuBefore = process.cpuUsage();
const started = performance.now();
const view = await loadLedgerView(ctx);
const cpu = process.cpuUsage(cpuBefore);
collect();
console.log(
  JSON.stringify({
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    retainedMb: Math.round((process.memoryUsage().heapUsed - heapBefore) / 2 ** 20),
    marks: view.marks,
  }),
);
await runtime.close();
