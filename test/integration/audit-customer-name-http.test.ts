/**
 * The audit log names the customer an entry is keyed by (its record, limit, score or cover), so
 * the page shows « K04 · Client 4 » rather than a bare code; entries about anything else, or about
 * a code no customer has, carry no name.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { httpFixtureOfFile } from './http-file.fixture.ts';
import { emailOf } from './http-fixture.ts';

const web = httpFixtureOfFile({ auditor: emailOf('auditor') });
const { auditor } = web.sessions;

interface Entry {
  entity: string;
  entityKey: string;
  customerName?: string | null;
}

describe('the audit entries about a customer carry its name', () => {
  it('names the customer of a customer-keyed entry, and no one for the others', async () => {
    const manager = emailOf('credit_manager');
    const ctx = web.database.context('WEB');
    await sql`insert into audit_log (company_id, actor, action, entity, entity_key) values
      ('WEB', ${manager}, 'customer.update', 'customer', 'K04'),
      ('WEB', ${manager}, 'credit_limit.set', 'credit_limit', 'K11'),
      ('WEB', ${manager}, 'dunning.run', 'dunning_run', 'K05'),
      ('WEB', ${manager}, 'customer.delete', 'customer', 'K99')`.execute(ctx.db);

    const page = await web.call(auditor, 'GET', `/api/audit?actor=${encodeURIComponent(manager)}`);
    expect(page.statusCode, page.body).toBe(200);
    const entries = (page.json() as { items: Entry[] }).items;
    const named = (entity: string, key: string) =>
      entries.find((entry) => entry.entity === entity && entry.entityKey === key)?.customerName;
    expect(named('customer', 'K04')).toBe('Client 4');
    expect(named('credit_limit', 'K11')).toBe('Client 11');
    // A run's key that happens to read like a code is not a customer's.
    expect(named('dunning_run', 'K05')).toBeNull();
    expect(named('customer', 'K99')).toBeNull();

    const file = await web.call(auditor, 'GET', '/api/customers/K04/audit');
    expect(file.statusCode, file.body).toBe(200);
    const fileEntries = (file.json() as { items: Entry[] }).items;
    expect(fileEntries.find((entry) => entry.entity === 'customer')?.customerName).toBe('Client 4');
  });
});
