/**
 * Every field a use case writes to the audit log has its words in both languages, or is one of the
 * technical fields the log hides: the audit page and the customer's story show a label, never a
 * camelCase name. The fields are read from the `before: {…}` and `after: {…}` object literals of
 * the `recordAudit`, `insertAudit` and `insertAudits` calls and of the functions that build an
 * `AuditEntry`; records written whole (a policy, a contract, the settings row), the columns an
 * import compares and the parts of nested records named beside their values (a step's offset, a
 * job's parameters) are listed by hand below, as their types give them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HIDDEN_AUDIT_FIELDS } from './audit.ts';
import { hasLabel } from './catalogue.ts';

const APP = join(import.meta.dirname, '..', 'app');

const WHOLE_RECORDS: Readonly<Record<string, readonly string[]>> = {
  'audit-signals thresholds': [
    'creditNoteMinor',
    'writeOffMinor',
    'clusterCount',
    'clusterWindowDays',
    'bankChangeDays',
    'usualPayerConfirmations',
  ],
  'dunning settings and rates': [
    'rateMode',
    'reviewBeforeSending',
    'iban',
    'bic',
    'phone',
    'vatNumber',
    'signatoryName',
    'signatoryTitle',
    'semester',
    'ecbRateBps',
    'legalInterestRateBps',
    'source',
  ],
  'dunning policy': [
    'code',
    'scope',
    'steps',
    'stepDates',
    'formalNoticeLeadDays',
    'minimumDaysBetweenSteps',
    'promiseGraceDays',
  ],
  'dunning run and proposal': [
    'actions',
    'byChannel',
    'bySteps',
    'totals',
    'plannedActions',
    'sentActions',
    'skippedItems',
    'tasksCreated',
  ],
  'factoring contract': [
    'advanceRateBps',
    'commissionBps',
    'financingRateBps',
    'reserveRateBps',
    'recourseDays',
    'dayCountBasis',
    'collectionDelayDays',
    'minCommissionMinor',
    'feePerInvoiceMinor',
    'feePerBatchMinor',
    'feesVatRateBps',
    'withRecourse',
    'from',
    'to',
  ],
  'legal partner': [
    'addressLines',
    'amicableCommissionBps',
    'judicialCommissionBps',
    'fileFeeMinor',
    'judicialFeeMinor',
  ],
  'insurance policy and claim': [
    'policyNumber',
    'threatenedLossDays',
    'waitingDays',
    'warningDays',
    'createdBy',
    'indemnityReceivedOn',
    'statusNote',
  ],
  'insurer cover': ['grantedMinor', 'insuredShareBps', 'reference'],
  'financial profile': [
    'creationDate',
    'externalGrade',
    'externalGradeDate',
    'externalGradeSource',
    'legalIncidents',
    'sectorRisk',
  ],
  'provision rates': ['byAge', 'byCase', 'vatRateBps'],
  'promotion terms': [
    'eligibleCustomerTypes',
    'eligibleCustomers',
    'guarantees',
    'paymentMethods',
    'validFrom',
    'validTo',
    'promotionCode',
  ],
  'user after a password change': ['apiTokensRevoked'],
  'columns an import compares (db/imports/entity-columns.ts, camelCased)': [
    'siret',
    'vatNumber',
    'groupCode',
    'externalRef',
    'issueDate',
    'dueDate',
    'valueDate',
    'label',
    'orderNumber',
    'orderDate',
    'eventDate',
  ],
  'bank receipt applied to several customers': ['parts'],
  'parts of records named beside their values': [
    'level',
    'actions',
    'offsetDays',
    'minimumAmountMinor',
    'claimInterest',
    'claimIndemnity',
    'minimumLateProbabilityBp',
    'interestMinor',
    'indemnityMinor',
    'minDaysPastDue',
    'rateBps',
  ],
  'parameters of the jobs': [
    'asOf',
    'backfillWeeks',
    'auto',
    'from',
    'to',
    'withForest',
    'baseUrl',
    'timeoutMs',
    'retries',
    'lookbackDays',
    'secured',
    'proposal',
    'version',
  ],
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name))
      : entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

const CLOSING: Readonly<Record<string, string>> = { '(': ')', '{': '}', '[': ']' };

/** The text from the bracket at `open` to the one that closes it (strings hold no brackets here). */
function bracketed(text: string, open: number): string {
  const expected: string[] = [];
  for (let at = open; at < text.length; at++) {
    const char = text[at] as string;
    const closing = CLOSING[char];
    if (closing) expected.push(closing);
    else if (char === expected.at(-1)) {
      expected.pop();
      if (expected.length === 0) return text.slice(open, at + 1);
    }
  }
  return text.slice(open);
}

/** The keys of an object literal's own level (`{ a: 1, b, ...c }` → a, b). */
function literalKeys(literal: string): string[] {
  const members: string[] = [];
  let depth = 0;
  let member = '';
  for (const char of literal.slice(1, -1)) {
    if ('({['.includes(char)) depth++;
    if (')}]'.includes(char)) depth--;
    if (char === ',' && depth === 0) {
      members.push(member);
      member = '';
    } else member += char;
  }
  members.push(member);
  return members
    .map((text) => /^\s*['"]?([A-Za-z_$][\w$]*)['"]?\s*(?::|$)/.exec(text)?.[1])
    .filter((key): key is string => key !== undefined);
}

/**
 * The fields of the `before: {…}` / `after: {…}` literals of every `recordAudit(…)`,
 * `insertAudit(…)` and `insertAudits(…)` in `source`, and of every function returning an `AuditEntry`.
 */
function auditLiteralFields(source: string): string[] {
  const fields: string[] = [];
  for (const call of source.matchAll(/\b(?:recordAudit|insertAudits?)\(|\): AuditEntry \{/g)) {
    const args = bracketed(source, (call.index ?? 0) + call[0].length - 1);
    for (const side of args.matchAll(/\b(?:before|after):\s*\{/g))
      fields.push(...literalKeys(bracketed(args, (side.index ?? 0) + side[0].length - 1)));
  }
  return fields;
}

/** The entities of the entries the use cases and the imports write (`entity: '…'` literals). */
function writtenEntities(): Set<string> {
  const files = [...sources(APP), join(APP, '..', 'db', 'imports', 'entity-columns.ts')];
  const entities = new Set<string>();
  for (const file of files)
    for (const match of readFileSync(file, 'utf8').matchAll(/\bentity:\s*'([a-z_]+)'/g))
      entities.add(match[1] as string);
  return entities;
}

describe('audit entities', () => {
  const entities = writtenEntities();

  it('finds the entities the use cases and the imports write', () => {
    expect(entities).toContain('order_decision');
    expect(entities).toContain('forecast_run');
    expect(entities).toContain('order');
    expect(entities.size).toBeGreaterThan(40);
  });

  it.each(['fr', 'en'] as const)('names each entity in %s (the audit page shows no raw code)', (lang) => {
    expect([...entities].filter((entity) => !hasLabel(lang, 'auditEntity', entity))).toEqual([]);
  });
});

describe('audit fields', () => {
  const written = new Set(Object.values(WHOLE_RECORDS).flat());
  for (const file of sources(APP))
    for (const field of auditLiteralFields(readFileSync(file, 'utf8'))) written.add(field);

  it('reads the fields of the literals, not those of nested objects or spreads', () => {
    const source = `await recordAudit(ctx, trx, { action: 'x.y', before: { a: 1, 'b': f(c, d) },
      after: { ...rest, e, g: { h: 2 }, i: [j, k] } });`;
    expect(auditLiteralFields(source)).toEqual(['a', 'b', 'e', 'g', 'i']);
  });

  it('reads the entries written straight to the store and those a function builds', () => {
    const source = `await insertAudits(trx, id, actor, rows.map((r) => ({ before: { mark: r }, after: null })));
      function auditOf(row: Row): AuditEntry { return { action: 'x', after: { confidence: 1 } }; }`;
    expect(auditLiteralFields(source)).toEqual(['mark', 'confidence']);
  });

  it('finds the fields the use cases write', () => {
    expect(written.has('creditLimitMinor')).toBe(true);
    expect(written.has('sizeBytes')).toBe(true);
    expect(written.has('hiddenThrough')).toBe(true);
    expect(written.has('unappliedMinor')).toBe(true);
    expect(written.size).toBeGreaterThan(150);
  });

  it.each(['fr', 'en'] as const)('labels each shown field in %s', (lang) => {
    const missing = [...written].filter(
      (field) => !HIDDEN_AUDIT_FIELDS.has(field) && !hasLabel(lang, 'auditField', field),
    );
    expect(missing).toEqual([]);
  });
});
