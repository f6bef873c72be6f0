/**
 * The risk map reads each customer's insurer cover as it stood on the map's date — the measures
 * report's reading (`coversAsOf`) — not its latest version whatever the dates: a cancellation the
 * insurer announced for September does not uninsure June's exposure, and counts from its date.
 */
import { describe, expect, it } from 'vitest';
import { recordCover } from '#app/credit/covers';
import { getRiskMap } from '#app/credit/risk-map';
import { coverStatesAsOf } from '#app/procedure/reports-gaps';
import { demoCompanyOfFile } from './demo-file.fixture.ts';

const demo = demoCompanyOfFile();

const insuredOf = (map: Awaited<ReturnType<typeof getRiskMap>>) =>
  map.cells.reduce((sum, cell) => sum + cell.insuredMinor, 0);

describe('the risk map and the covers in force on its date', () => {
  it('keeps a cover whose cancellation is recorded ahead of its date, and drops it from that date', async () => {
    const { ctx } = demo;
    const june = '2026-06-30';
    const before = await getRiskMap(ctx, { asOf: june });
    const active = (await coverStatesAsOf(ctx, june)).filter((cover) => cover.state === 'active');
    expect(active).toHaveLength(3);
    expect(insuredOf(before)).toBeGreaterThan(0);
    const cover = active[0]!;
    await recordCover(ctx, {
      customerCode: cover.customerCode,
      insurer: cover.insurer,
      status: 'cancelled',
      grantedMinor: 0,
      insuredShareBps: cover.insuredShareBps,
      effectiveFrom: '2026-09-01',
    });
    // In June the cancellation is not in force yet: the map and the measures report both keep the cover.
    expect(insuredOf(await getRiskMap(ctx, { asOf: june }))).toBe(insuredOf(before));
    expect((await coverStatesAsOf(ctx, june)).filter((c) => c.state === 'active')).toHaveLength(3);
    // From September it is: both readings drop it.
    const september = '2026-09-30';
    const states = await coverStatesAsOf(ctx, september);
    expect(states.find((c) => c.customerCode === cover.customerCode)?.state).toBe('cancelled');
    expect(states.filter((c) => c.state === 'active')).toHaveLength(2);
    expect(insuredOf(await getRiskMap(ctx, { asOf: september }))).toBeLessThan(insuredOf(before));
  });
});
