/**
 * Every code an audit entry holds reads in words, in both languages, on the entity that writes it:
 * a legal partner's « lawyer » is « Avocat », never « lawyer ». The codes come from where they are
 * defined (the core's lists; the use cases' and the store's lists are read from their source, as a
 * shell's import would be an upward one), so a code added there and not worded fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COVER_STATUSES } from '../core/credit/insurer-cover.ts';
import { DECISIONS } from '../core/credit/order-check.ts';
import { RATE_MODES } from '../core/dunning/late-interest.ts';
import { STEP_DATE_RULES, STEP_KINDS } from '../core/dunning/policy.ts';
import { PROMISE_STATUSES } from '../core/dunning/promises.ts';
import { PARTNER_KINDS } from '../core/legal/handover.ts';
import { CONFIRMABLE_PIECES } from '../core/legal/injunction.ts';
import { INSURANCE_CLAIM_STATUSES } from '../core/legal/insurance-claims.ts';
import { PROVISION_CASES } from '../core/legal/provision.ts';
import { WRITE_OFF_REASONS } from '../core/legal/write-off.ts';
import { PROMOTION_GUARANTEES, PROMOTION_STATUSES } from '../core/promotions/promotions.ts';
import { CUSTOMER_STATUSES, CUSTOMER_TYPES, ROLES } from '../core/types.ts';
import { ENTITY_CODES, RECORD_KEY_CODES } from './audit-codes.ts';
import { auditValue } from './audit-values.ts';
import { hasLabel, hasMessage, LANGS, messageKeys } from './catalogue.ts';

const SRC = join(import.meta.dirname, '..');

/** The strings of `export const NAME = [...]` in a source file of an outer layer. */
function listed(file: string, name: string): string[] {
  const source = readFileSync(join(SRC, file), 'utf8');
  const list = new RegExp(`export const ${name}\\b[^=]*=\\s*\\[([^\\]]*)\\]`).exec(source)?.[1];
  if (list === undefined) throw new Error(`no list ${name} in ${file}`);
  return [...list.matchAll(/'([^']+)'/g)].map((match) => match[1] as string);
}

/** The codes of a type union written `kind: 'a' | 'b'` in a source file (a store's row type). */
function union(file: string, field: string): string[] {
  const source = readFileSync(join(SRC, file), 'utf8');
  const found = new RegExp(`${field}:\\s*((?:'[^']+'\\s*\\|?\\s*)+);`).exec(source)?.[1];
  if (found === undefined) throw new Error(`no union ${field} in ${file}`);
  return [...found.matchAll(/'([^']+)'/g)].map((match) => match[1] as string);
}

/** [entity, field, its codes, the record it is a part of]. */
const CODES: [string, string, readonly string[], string?][] = [
  ['legal_partner', 'kind', PARTNER_KINDS],
  ['legal_file', 'piecesProvided', CONFIRMABLE_PIECES],
  ['legal_file', 'source', union('db/legal/handover-queries.ts', 'source')],
  ['write_off', 'reasonCode', WRITE_OFF_REASONS],
  ['write_off', 'status', ['proposed', 'approved', 'rejected']],
  ['insurance_claim', 'status', INSURANCE_CLAIM_STATUSES],
  ['insurer_cover', 'status', COVER_STATUSES],
  ['company', 'source', ['company', 'default']],
  [
    'company',
    'legalForm',
    messageKeys()
      .filter((key) => key.startsWith('legalForm.'))
      .map((key) => key.slice(10)),
  ],
  ['promotion', 'status', PROMOTION_STATUSES],
  ['promotion', 'guarantees', PROMOTION_GUARANTEES],
  ['promotion', 'paymentMethods', ['prepaid', 'cod', 'terms']],
  ['promotion', 'eligibleCustomerTypes', CUSTOMER_TYPES],
  ['order_decision', 'decision', DECISIONS],
  ['customer', 'status', CUSTOMER_STATUSES],
  ['customer', 'mark', ['done', 'snoozed']],
  ['user', 'role', ROLES],
  ['dunning_settings', 'rateMode', RATE_MODES],
  ['dunning_policy', 'kind', STEP_KINDS, 'steps'],
  ['dunning_policy', 'stepDates', STEP_DATE_RULES],
  ['dunning_promise', 'status', PROMISE_STATUSES],
  ['dunning_run_proposal', 'status', listed('db/dunning/proposal-queries.ts', 'PROPOSAL_STATUSES')],
  ['dunning_run_proposal', 'stepKind', STEP_KINDS, 'bySteps'],
  ['dunning_dispute', 'reason', listed('app/dunning/disputes.ts', 'DISPUTE_REASONS')],
  ['dunning_dispute', 'department', listed('app/dunning/disputes.ts', 'DEPARTMENTS')],
  ['dunning_dispute', 'resolution', listed('app/dunning/disputes.ts', 'RESOLUTIONS')],
  ['dunning_dispute', 'kind', listed('app/dunning/dispute-attachments.ts', 'ATTACHMENT_KINDS')],
  ['dunning_dispute', 'source', ['imported']],
  ['dunning_task', 'outcome', listed('app/dunning/queries.ts', 'TASK_OUTCOMES')],
  ['bank_transaction', 'decision', ['auto', 'accepted', 'corrected']],
];

describe('the codes of the audit log in words', () => {
  for (const lang of LANGS)
    for (const [entity, field, codes, parent] of CODES)
      it(`${lang}: words every ${entity} ${parent ? `${parent}.` : ''}${field}`, () => {
        expect(codes.length).toBeGreaterThan(0);
        const reading = { lang, currency: 'EUR', entity };
        const words = codes.map((code) => auditValue(reading, field, code, parent));
        expect(words.filter((word, index) => word === codes[index] || /_/.test(word))).toEqual([]);
        // No two codes collapse into one word (a select's « other » branch answering for a new code).
        expect(new Set(words).size).toBe(codes.length);
      });

  it('words the keys of a record keyed by codes: the provision rate of each case', () => {
    for (const lang of LANGS) {
      const text = auditValue({ lang, currency: 'EUR' }, 'byCase', {
        collective_procedure: 10_000,
        dispute: 5_000,
      });
      expect(text).not.toMatch(/collective_procedure|dispute|10\D?000/);
      expect(PROVISION_CASES.every((code) => !text.includes(code))).toBe(true);
    }
  });

  it('reads every wording of the tables from the catalogue (no misspelt domain or message)', () => {
    const wordings = [
      ...Object.values(ENTITY_CODES).flatMap((fields) => Object.values(fields)),
      ...Object.values(RECORD_KEY_CODES).map((record) => record.keys),
    ];
    for (const lang of LANGS)
      for (const wording of wordings) {
        if ('select' in wording) expect(hasMessage(wording.select, lang), wording.select).toBe(true);
        else
          for (const domain of wording.domains)
            expect(
              messageKeys().some((key) => key.startsWith(`${domain}.`)) || hasLabel(lang, domain, 'x'),
              domain,
            ).toBe(true);
      }
  });
});
