/**
 * The process diagram of the demo company's configured procedure: the version in force, a stricter
 * order-rules version stored for later and drawn by its name, the before/after of the two, and
 * the HTTP files (BPMN, SVG view).
 */
import { BpmnModdle } from 'bpmn-moddle';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '#app/context';
import { configInForce, putConfigVersion } from '#app/credit/configuration';
import { exportProcedureDiagram, getProcedureDiagram, procedureDiagramSvgs } from '#app/procedure/diagram';
import type { OrderCheckRules } from '#core/credit/order-check';
import type { ApiServer } from '#http/api-types';
import { buildServer } from '#http/server';
import { openDemoTestDatabase, type TestDatabase } from '../support/test-db.ts';
import { signIn } from './http-fixture.ts';

let database: TestDatabase;
let ctx: AppContext;
let app: ApiServer;

beforeAll(async () => {
  database = await openDemoTestDatabase();
  ctx = database.context('CB2C');
  app = await buildServer(database.runtime, { webRoot: null });
  const current = (await configInForce(ctx, 'order_rules', '2026-06-30')).body as OrderCheckRules;
  // Stored for a later date: not in force at the reference date, drawn only when named.
  await putConfigVersion(ctx, {
    kind: 'order_rules',
    version: 'strict-2026',
    effectiveFrom: '2026-09-01',
    body: { ...current, overdueMaxDays: 15, classDecisions: { D: 'hold', E: 'refuse' } },
  });
}, 600_000);
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const text = (body: Uint8Array) => new TextDecoder().decode(body);

describe('procedure diagram of the demo company', () => {
  it('draws the version in force, or the one named, and compares them', async () => {
    const view = await getProcedureDiagram(ctx, { policy: 'strict-2026', compare: '2026-06-30' });
    expect(view.current.versions.rules).toBe('strict-2026');
    expect(view.compared?.versions.rules).not.toBe('strict-2026');
    // Only the order check changed: its rules are printed beside it.
    expect(view.comparison?.after).toEqual({ order_check: 'changed' });
    expect(view.comparison?.before).toEqual({ order_check: 'changed' });
    expect(view.comparison?.changedCount).toBe(1);

    const inForce = text((await exportProcedureDiagram(ctx, { lang: 'fr', format: 'bpmn' })).body);
    const strict = text(
      (await exportProcedureDiagram(ctx, { policy: 'strict-2026', lang: 'fr', format: 'bpmn' })).body,
    );
    expect(inForce).toContain('Retard le plus ancien au-delà de 30 jours\u00a0: commande bloquée');
    expect(strict).toContain('Retard le plus ancien au-delà de 15 jours\u00a0: commande bloquée');
    expect(strict).toContain('Classe de risque E\u00a0: commande refusée');
    // The rules by what they are and their date, not by their id (« Règles version default-2026-01 »).
    expect(inForce).toContain('Règles par défaut du 01/01/2026');
    expect(inForce).not.toContain('default-2026-01');
    expect(strict).toContain('Règles «\u00a0strict-2026\u00a0» du 01/09/2026');
    // One class to a ceiling is « Classe », several « Classes ».
    expect(inForce).toMatch(/Classe [A-E]\u00a0: /u);
    expect(inForce).not.toMatch(/Classes [A-E]\u00a0: /u);
    const { warnings } = await new BpmnModdle().fromXML(strict);
    expect(warnings).toEqual([]);
  });

  it('reads a day-first date as a version and names the versions drawn by their dates (walk B item 19)', async () => {
    const { current, compared } = await procedureDiagramSvgs(ctx, {
      policy: 'strict-2026',
      compare: '30/06/2026',
      lang: 'fr',
    });
    expect(current.heading).toBe(
      'Après\u00a0: Règles de commande «\u00a0strict-2026\u00a0» du 01/09/2026 · délégations par défaut · relance par défaut',
    );
    // The built-in versions in force on 30/06/2026 by their dates, not their ids (« default-2026-01 »).
    expect(compared?.heading).toMatch(
      /^Avant\u00a0: Règles de commande par défaut du \d\d\/\d\d\/\d{4} · délégations /u,
    );
    expect(compared?.heading).not.toContain('default');
    const byIso = await getProcedureDiagram(ctx, { compare: '2026-06-30' });
    const byDayFirst = await getProcedureDiagram(ctx, { compare: '30/06/2026' });
    expect(byDayFirst.compared?.versions).toEqual(byIso.compared?.versions);
  });

  it('refuses an unknown version and a BPMN comparison', async () => {
    await expect(getProcedureDiagram(ctx, { policy: 'no-such-version' })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(
      exportProcedureDiagram(ctx, { compare: 'strict-2026', lang: 'fr', format: 'bpmn' }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('serves the SVG view side by side and the BPMN file over HTTP', async () => {
    const session = await signIn(app, 'claire.moreau@cb2c.example');
    const view = await app.inject({
      method: 'GET',
      url: '/api/procedure/diagram/view?policy=strict-2026&compare=2026-06-30&lang=en',
      ...session,
    });
    expect(view.statusCode).toBe(200);
    const body = view.json();
    expect(body.changedCount).toBe(1);
    expect(body.current.heading).toContain('strict-2026');
    expect(body.compared.svg).toContain('>Order desk</text>');
    const file = await app.inject({ method: 'GET', url: '/api/procedure/diagram?format=bpmn', ...session });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('application/xml');
    expect(file.body).toContain('<bpmn:lane id="Lane_credit" name="Crédit">');
  });
});
