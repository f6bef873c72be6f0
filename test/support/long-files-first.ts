/**
 * The order in which the two forks take the test files: the long ones first, longest first, so
 * that the forks end together instead of one fork starting a minute-long file when the other has
 * nothing left. Vitest's own order (kept for the other files) puts the longest first only from the
 * durations of a previous run on the same machine, which a fresh clone (CI) does not have: it then
 * goes by file size, and a short file of many lines goes before a browser file.
 */
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Seconds a file took on CI (2 cores, quiet machine): the files above ten seconds. An estimate to
 * order by, not a limit: a file missing here, or moved, runs in Vitest's order after these.
 */
export const KNOWN_SECONDS: Readonly<Record<string, number>> = {
  'test/integration/cli.test.ts': 90,
  'test/browser/web.test.ts': 75,
  'test/browser/raw-codes.test.ts': 69,
  'test/browser/admin.test.ts': 67,
  'test/browser/reports.test.ts': 49,
  'test/integration/jobs.test.ts': 40,
  'test/integration/dunning-slices.test.ts': 38,
  'test/browser/credit-dunning.test.ts': 36,
  'test/browser/imports.test.ts': 33,
  'test/integration/credit-check-reads.test.ts': 30,
};

export default class LongFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    // Vitest's order first: its groups and projects run one after the other, and stay so.
    const base = await super.sort(files);
    const position = new Map(base.map((spec, index) => [spec, index]));
    const groupStart = new Map<string, number>();
    const groupOf = (spec: TestSpecification) =>
      `${spec.project.config.sequence.groupOrder}|${spec.project.name}`;
    for (const [index, spec] of base.entries())
      if (!groupStart.has(groupOf(spec))) groupStart.set(groupOf(spec), index);
    const seconds = (spec: TestSpecification) =>
      KNOWN_SECONDS[relative(this.ctx.config.root, spec.moduleId).replaceAll('\\', '/')] ?? 0;
    return base.toSorted(
      (a, b) =>
        (groupStart.get(groupOf(a)) ?? 0) - (groupStart.get(groupOf(b)) ?? 0) ||
        seconds(b) - seconds(a) ||
        (position.get(a) ?? 0) - (position.get(b) ?? 0),
    );
  }
}
