import { describe, expect, it } from 'vitest';
import { DEFAULT_DELEGATION_MATRIX } from '../credit/delegation.ts';
import { DEFAULT_ORDER_CHECK_RULES } from '../credit/order-check.ts';
import { EXAMPLE_STEPS } from '../dunning/policy.ts';
import { CONFIG, POLICY } from './diagram.fixture.ts';
import { buildProcedureDiagram, DIAGRAM_LANES, type ProcedureConfig } from './diagram.ts';
import { compareDiagrams } from './diagram-compare.ts';

describe('buildProcedureDiagram', () => {
  const diagram = buildProcedureDiagram(CONFIG);
  const ids = diagram.nodes.map((node) => node.id);

  it('draws the six lanes, one release task per delegation level and a gateway and task per dunning step', () => {
    expect(diagram.lanes).toEqual(DIAGRAM_LANES);
    expect(ids.filter((id) => id.startsWith('release_'))).toEqual([
      'release_level',
      'release_collector',
      'release_credit_manager',
      'release_director',
    ]);
    expect(ids.filter((id) => id.startsWith('step_'))).toEqual(EXAMPLE_STEPS.map((s) => `step_${s.code}`));
    expect(ids.filter((id) => id.startsWith('paid_by_'))).toHaveLength(EXAMPLE_STEPS.length);
    // The hand-over ends in litigation, in the legal lane.
    expect(diagram.nodes.find((n) => n.id === 'step_handover')?.lane).toBe('legal');
    expect(ids).toContain('end_litigation');
  });

  it('connects only existing nodes, every node reachable from the start', () => {
    const known = new Set(ids);
    for (const edge of diagram.edges) {
      expect(known.has(edge.from) && known.has(edge.to)).toBe(true);
    }
    const reached = new Set(['start']);
    for (let changed = true; changed; ) {
      changed = false;
      for (const edge of diagram.edges)
        if (reached.has(edge.from) && !reached.has(edge.to)) {
          reached.add(edge.to);
          changed = true;
        }
    }
    expect([...reached].sort()).toEqual([...ids].sort());
  });

  it('prints the configured thresholds: the over-limit tolerance, the overdue days and the ceilings', () => {
    const check = diagram.nodes.find((n) => n.id === 'order_check')!;
    expect(check.details).toContainEqual({
      key: 'detail.over_limit',
      figures: {
        tolerance: { bps: 500 },
        decision: { domain: 'procedureDiagram.decision', codes: ['hold'] },
      },
    });
    expect(check.details.find((d) => d.key === 'detail.overdue_days')?.figures['days']).toEqual({ days: 30 });
    // A public body without a limit passes by default: the diagram says so beside « sans limite ».
    expect(check.details).toContainEqual({
      key: 'detail.no_limit_public_body',
      figures: { decision: { domain: 'procedureDiagram.decision', codes: ['approve'] } },
    });
    const manager = diagram.nodes.find((n) => n.id === 'release_credit_manager')!;
    // Each line counts its classes, so that one class reads « Classe E », not « Classes E ».
    expect(manager.details).toContainEqual({
      key: 'classCeiling.up_to',
      figures: { classes: 'A, B', count: 2, amount: { amountMinor: 10_000_000, currency: 'EUR' } },
    });
    expect(manager.details).toContainEqual({
      key: 'classCeiling.nothing',
      figures: { classes: 'E', count: 1 },
    });
  });

  it('names the order rules by what they are and their date, not by their id', () => {
    const rulesLine = (config: typeof CONFIG) =>
      buildProcedureDiagram(config).nodes.find((n) => n.id === 'order_check')?.details[0];
    expect(rulesLine(CONFIG)).toEqual({
      key: 'detail.rules_in_force',
      figures: { builtIn: 'yes', name: 'default-2026-01', date: { date: '2026-01-01' } },
    });
    const named = { ...CONFIG.orderRules, version: 'strict-2026', effectiveFrom: '2026-07-01' };
    expect(rulesLine({ ...CONFIG, orderRules: named })?.figures).toEqual({
      builtIn: 'no',
      name: 'strict-2026',
      date: { date: '2026-07-01' },
    });
    // The application says which version is built in: a stored one may bear any name.
    expect(rulesLine({ ...CONFIG, builtInRules: false })?.figures['builtIn']).toBe('no');
  });

  it('ends with "reminders exhausted" and links the invoice to the payment when there is no dunning policy', () => {
    const bare = buildProcedureDiagram({ ...CONFIG, dunning: null });
    expect(bare.nodes.some((n) => n.id.startsWith('step_'))).toBe(false);
    expect(bare.edges.map((e) => e.id)).toContain('invoice->apply_payment');
  });
});

describe('compareDiagrams', () => {
  it('finds the nodes a stricter policy adds, changes and removes', () => {
    const stricter: ProcedureConfig = {
      orderRules: {
        ...DEFAULT_ORDER_CHECK_RULES,
        overdueMaxDays: 15,
        classDecisions: { D: 'hold', E: 'refuse' },
      },
      delegation: DEFAULT_DELEGATION_MATRIX,
      dunning: {
        ...POLICY,
        version: 2,
        // One step earlier, the phone call dropped, a step added.
        steps: [
          ...EXAMPLE_STEPS.filter((s) => s.code !== 'call').map((s) =>
            s.code === 'reminder_1' ? { ...s, offsetDays: 2 } : s,
          ),
          {
            ...EXAMPLE_STEPS[0]!,
            code: 'sms',
            kind: 'reminder' as const,
            offsetDays: 10,
            channel: 'sms' as const,
          },
        ].sort((a, b) => a.offsetDays - b.offsetDays),
      },
    };
    const before = buildProcedureDiagram(CONFIG);
    const after = buildProcedureDiagram(stricter);
    const comparison = compareDiagrams(before, after);
    expect(comparison.before).toMatchObject({
      order_check: 'changed',
      step_call: 'removed',
      paid_by_call: 'removed',
      paid_by_reminder_1: 'changed',
    });
    expect(comparison.after).toMatchObject({
      order_check: 'changed',
      step_sms: 'added',
      paid_by_sms: 'added',
    });
    expect(comparison.after['release_director']).toBeUndefined();
    expect(compareDiagrams(before, buildProcedureDiagram(CONFIG)).changedCount).toBe(0);
  });
});
