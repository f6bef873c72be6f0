/**
 * The audit page's author filter offers colleagues by name (the users directory) and sends the
 * e-mail of the one picked, which the unchanged API reads: their own entries and those of the jobs
 * they started come back, no one else's.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { type AuditPerson, auditActorFilter, auditPersonChoices } from '#text/audit-words';
import { httpFixtureOfFile } from './http-file.fixture.ts';
import { emailOf } from './http-fixture.ts';

const web = httpFixtureOfFile({ auditor: emailOf('auditor') });
const { auditor } = web.sessions;

describe('the audit log filtered by a person picked by name', () => {
  it('finds the entries of the person picked and of the jobs they started', async () => {
    const collector = emailOf('collector');
    const manager = emailOf('credit_manager');
    const ctx = web.database.context('WEB');
    await sql`insert into audit_log (company_id, actor, action, entity, entity_key) values
      ('WEB', ${collector}, 'agenda.done', 'customer', 'K04'),
      ('WEB', ${`${collector} (job 7)`}, 'dunning.run', 'dunning_run', '3'),
      ('WEB', ${manager}, 'customer.update', 'customer', 'K05')`.execute(ctx.db);

    const directory = await web.call(auditor, 'GET', '/api/users/directory');
    expect(directory.statusCode, directory.body).toBe(200);
    const choices = auditPersonChoices(directory.json() as AuditPerson[], 'fr');
    const picked = choices.find((choice) => choice.email === collector);
    if (!picked) throw new Error('the collector is not offered');

    const actor = auditActorFilter(picked.label, choices);
    expect(actor).toBe(collector);
    const page = await web.call(auditor, 'GET', `/api/audit?actor=${encodeURIComponent(actor)}`);
    expect(page.statusCode, page.body).toBe(200);
    const entries = (page.json() as { items: { actor: string; entityKey: string }[] }).items;
    expect(entries.map((entry) => `${entry.actor} → ${entry.entityKey}`).sort()).toEqual([
      `${collector} (job 7) → 3`,
      `${collector} → K04`,
    ]);
  });

  it('takes a whole address as one person, not another address that holds it; part of one finds every holder', async () => {
    const ctx = web.database.context('WEB');
    await sql`insert into audit_log (company_id, actor, action, entity, entity_key) values
      ('WEB', 'an@web.example', 'customer.update', 'customer', 'K06'),
      ('WEB', 'jean@web.example', 'customer.update', 'customer', 'K07'),
      ('WEB', 'jean@web.example (job 8)', 'dunning.run', 'dunning_run', '4')`.execute(ctx.db);
    const keysOf = async (actor: string) => {
      const page = await web.call(auditor, 'GET', `/api/audit?actor=${encodeURIComponent(actor)}`);
      expect(page.statusCode, page.body).toBe(200);
      return (page.json() as { items: { entityKey: string }[] }).items.map((entry) => entry.entityKey).sort();
    };
    expect(await keysOf('an@web.example')).toEqual(['K06']);
    expect(await keysOf('jean@web.example')).toEqual(['4', 'K07']);
    expect(await keysOf('an@web')).toEqual(['4', 'K06', 'K07']);
  });
});
