/**
 * Conformance with the shared reference files (../shared/docs/reference), when present:
 * every worked example of french-payment-rules.json, computed by our payment terms.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeDueDate } from '#core/ledger/payment-terms';

const RULES_FILE = resolve(import.meta.dirname, '../../../shared/docs/reference/french-payment-rules.json');

describe.skipIf(!existsSync(RULES_FILE))('conformance with french-payment-rules.json', () => {
  interface TermExample {
    invoice: string;
    A_45j_puis_fdm: string;
    B_fdm_puis_45j: string;
    net60: string;
  }
  // Vitest still collects a skipped block, so the file is read only when it exists.
  const rules = (existsSync(RULES_FILE) ? JSON.parse(readFileSync(RULES_FILE, 'utf8')) : {}) as {
    term_examples?: TermExample[];
  };
  const examples = rules.term_examples ?? [];

  it('has examples', () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  it.each(examples)('invoice $invoice', (example) => {
    expect(computeDueDate(example.invoice, 'eom:45')).toBe(example.A_45j_puis_fdm);
    expect(computeDueDate(example.invoice, 'eom_b:45')).toBe(example.B_fdm_puis_45j);
    expect(computeDueDate(example.invoice, 'net:60')).toBe(example.net60);
  });
});
