/**
 * The demo company (CB2C) at its reference date, served by the API, opened for the tests of one
 * file (the credit limits, balance sheets, orders and exposure files): `beforeAll` opens a copy of
 * the demo database, CB2C's context, the server and a scratch folder for the files a test writes;
 * `afterAll` closes the server and the database. The fields are filled in `beforeAll`, so a file
 * reads them inside its tests, as with http-file.fixture.ts.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { AppContext } from '#app/context';
import { generateDemoDataset } from '#app/demo/demo';
import type { ApiServer } from '#http/api-types';
import { buildServer } from '#http/server';
import { openDemoTestDatabase, type TestDatabase } from '../support/test-db.ts';

export interface DemoFile {
  database: TestDatabase;
  ctx: AppContext;
  app: ApiServer;
  /** A scratch folder for the import files a test writes. */
  dir: string;
  /** The code of the demo customer set up in this situation of the demo's manifest. */
  situation(kind: string): string;
}

/** The demo company for the calling test file. */
export function demoCompanyOfFile(): DemoFile {
  // Generated on first use only: the files that read no situation do not pay for it.
  let situations: { kind: string; customerCode: string }[] | undefined;
  const file = {
    situation: (kind: string) => {
      situations ??= generateDemoDataset().manifest.situations;
      return situations.find((s) => s.kind === kind)!.customerCode;
    },
  } as DemoFile;
  beforeAll(async () => {
    file.database = await openDemoTestDatabase();
    file.ctx = file.database.context('CB2C');
    file.app = await buildServer(file.database.runtime, { webRoot: null });
    file.dir = await mkdtemp(join(tmpdir(), 'encours-credit-'));
  }, 600_000);
  afterAll(async () => {
    await file.app?.close();
    await file.database?.close();
  });
  return file;
}
