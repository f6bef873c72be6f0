/**
 * The HTTP fixture (http-fixture.ts) opened for the tests of one file: `beforeAll` opens it and
 * signs in the users named, `afterAll` closes it. Each session is the same object from the start
 * (its headers are filled on sign-in), so a file may take the sessions apart at its top level;
 * `app` and `database` are read inside the tests.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import type { ApiServer } from '#http/api-types';
import type { TestDatabase } from '../support/test-db.ts';
import { emailOf, openHttpFixture, type Session, signIn } from './http-fixture.ts';

export interface HttpFile<Name extends string> {
  database: TestDatabase;
  app: ApiServer;
  sessions: Record<Name, Session>;
  /** A request as `session`, with `payload` as its JSON body when given. */
  call(
    session: Session,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
  ): Promise<LightMyRequestResponse>;
}

/** The collector and the two salespeople (Alice has K01–K10, Bob K11–K12), by those names. */
export const COLLECTOR_AND_SALESPEOPLE = {
  collector: emailOf('collector'),
  alice: 'alice@web.test',
  bob: 'bob@web.test',
};

/** The fixture for the calling test file, with a session for each of `emails` (by the name given). */
export function httpFixtureOfFile<Name extends string>(emails: Record<Name, string>): HttpFile<Name> {
  const names = Object.keys(emails) as Name[];
  const sessions = Object.fromEntries(
    names.map((name) => [name, { headers: { cookie: '', 'x-csrf-token': '' } }]),
  ) as Record<Name, Session>;
  const file = {
    sessions,
    call: (session, method, url, payload) =>
      file.app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) }),
  } as HttpFile<Name>;
  beforeAll(async () => {
    ({ database: file.database, app: file.app } = await openHttpFixture());
    for (const name of names) Object.assign(sessions[name], await signIn(file.app, emails[name]));
  });
  afterAll(async () => {
    await file.app?.close();
    await file.database?.close();
  });
  return file;
}
