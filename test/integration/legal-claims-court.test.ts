/**
 * One court for a claim wherever it is shown: a BODACC opening published under the registry's name
 * in capitals (« GREFFE DU TRIBUNAL DE COMMERCE DE LYON ») is named « Tribunal de commerce de
 * Lyon » by the claims list, the API, the CLI (its JSON and its text) and the declaration letter;
 * the demo's Traiteur Durand, whose claim is derived from its story, keeps the story's court. The
 * list reads the customers' story of their procedure once, however many claims it lists.
 */
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '#app/context';
import { buildClaimLetter } from '#app/legal/claim-letter';
import { listClaims } from '#app/legal/claims';
import { watchBodacc } from '#app/legal/watch-bodacc';
import type { ApiServer } from '#http/api-types';
import { buildServer } from '#http/server';
import { cliOutput } from '../support/cli-output.ts';
import { openDemoTestDatabase, type TestDatabase } from '../support/test-db.ts';
import { signIn } from './http-fixture.ts';

const GUERIN = 'C00162';
const DURAND = 'C00105';
const LYON = 'Tribunal de commerce de Lyon';
let database: TestDatabase;
let ctx: AppContext;
let app: ApiServer;
let claimId = 0;

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

/** The statements of a context that read customers' story lines, counted. */
function countingStoryReads(base: AppContext) {
  const reads = { story: 0 };
  const plugin: KyselyPlugin = {
    transformQuery(args: PluginTransformQueryArgs) {
      if (JSON.stringify(args.node).includes('"name":"customer_events"')) reads.story += 1;
      return args.node;
    },
    async transformResult(args: PluginTransformResultArgs) {
      return args.result;
    },
  };
  return { ctx: { ...base, db: base.db.withPlugin(plugin) }, reads };
}

beforeAll(async () => {
  database = await openDemoTestDatabase();
  ctx = database.context('CB2C', '2026-06-30');
  app = await buildServer(database.runtime, { webRoot: null });
  const { siren } = await ctx.db
    .selectFrom('customers')
    .select('siren')
    .where('company_id', '=', 'CB2C')
    .where('code', '=', GUERIN)
    .executeTakeFirstOrThrow();
  const opening = {
    datasetid: 'annonces-commerciales',
    recordid: 'rec-A202600100',
    fields: {
      id: 'A202600100',
      registre: siren,
      dateparution: '2026-06-26',
      tribunal: 'GREFFE DU TRIBUNAL DE COMMERCE DE LYON',
      familleavis: 'collective',
      jugement: JSON.stringify({
        date: '2026-06-20',
        type: 'initial',
        famille: "Jugement d'ouverture",
        nature: "Jugement d'ouverture de redressement judiciaire",
      }),
    },
  };
  await watchBodacc(ctx, { records: { records: [opening] } });
  const [claim] = await listClaims(ctx, GUERIN);
  claimId = claim?.claimId ?? 0;
}, 600_000);
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('the court of a claim', () => {
  it('is the one the letter names, in the list, the API and the CLI', async () => {
    expect(claimId).toBeGreaterThan(0);
    const listed = await listClaims(ctx);
    expect(listed.map((claim) => [claim.customerCode, claim.source, claim.court])).toEqual(
      expect.arrayContaining([
        [GUERIN, 'bodacc', LYON],
        [DURAND, 'story', 'Tribunal de commerce de Saint-Étienne'],
      ]),
    );

    const letter = await buildClaimLetter(ctx, { claimId });
    expect(letter.recipient.addressLines).toContain(LYON);
    expect(plain(letter.text.intro[0] ?? '')).toContain(`Par jugement du 20 juin 2026 rendu par le ${LYON},`);

    const manager = await signIn(app, 'claire.moreau@cb2c.example');
    const api = await app.inject({ method: 'GET', url: `/api/legal/claims?customer=${GUERIN}`, ...manager });
    expect(api.json().items.map((claim: { court: string | null }) => claim.court)).toEqual([LYON]);

    const json = await cliOutput(database.runtime, 'CB2C', ['--json', 'claim', 'list', '--customer', GUERIN]);
    expect(JSON.parse(json.stdout).items.map((claim: { court: string | null }) => claim.court)).toEqual([
      LYON,
    ]);
    const text = await cliOutput(database.runtime, 'CB2C', ['claim', 'list']);
    const lines = text.stdout.split('\n');
    const courtUnder = (code: string) => lines[lines.findIndex((line) => line.startsWith(code)) + 1];
    // The terminal's text has plain spaces.
    expect(courtUnder(GUERIN)).toBe(`  Tribunal : ${LYON}.`);
    expect(courtUnder(DURAND)).toBe('  Tribunal : Tribunal de commerce de Saint-Étienne.');
  });

  it('comes with one read of the customers’ stories for the whole list', async () => {
    const { ctx: counted, reads } = countingStoryReads(ctx);
    const listed = await listClaims(counted);
    expect(listed.map((claim) => claim.customerCode)).toEqual(expect.arrayContaining([GUERIN, DURAND]));
    expect(listed.find((claim) => claim.customerCode === DURAND)?.storyLine?.text).toContain('Saint-Étienne');
    expect(reads.story).toBe(1);
  });
});
