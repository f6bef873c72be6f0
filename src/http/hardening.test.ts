/**
 * The overload guard: when the event loop lags, the API answers 503 with a problem document, but
 * the page shell and its assets are still served, so a user sees the app saying the server is busy
 * instead of a JSON document in place of the page.
 */
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { registerHardening } from './hardening.ts';

const saved = process.env['ENCOURS_MAX_EVENT_LOOP_DELAY_MS'];
afterEach(() => {
  if (saved === undefined) delete process.env['ENCOURS_MAX_EVENT_LOOP_DELAY_MS'];
  else process.env['ENCOURS_MAX_EVENT_LOOP_DELAY_MS'] = saved;
});

/** Keeps the event loop busy in long stretches for a while, as an overloaded process would. */
async function stallEventLoop(forMs: number): Promise<void> {
  const end = Date.now() + forMs;
  while (Date.now() < end) {
    const stretchEnd = Date.now() + 150;
    while (Date.now() < stretchEnd) {
      // busy on purpose
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('overload guard', () => {
  it('refuses API calls with 503 and still serves the page shell', async () => {
    process.env['ENCOURS_MAX_EVENT_LOOP_DELAY_MS'] = '1';
    const app = Fastify();
    await registerHardening(app, { requestsPerMinute: 0 });
    app.get('/api/ping', async () => ({ ok: true }));
    app.get('/customers/C00001', async (_request, reply) => reply.type('text/html').send('<!doctype html>'));
    await app.ready();
    try {
      // The guard samples the loop's delay once a second: stall across a whole sample.
      await stallEventLoop(2_300);
      const api = await app.inject({ method: 'GET', url: '/api/ping' });
      const page = await app.inject({ method: 'GET', url: '/customers/C00001' });
      expect(api.statusCode).toBe(503);
      // Outside the API's error handler (which words it in the reader's language): the English, as logged.
      expect(api.json()).toMatchObject({
        code: 'overloaded',
        message: 'The server is overloaded (event loop delay): try again shortly',
      });
      expect(page.statusCode).toBe(200);
      expect(page.body).toBe('<!doctype html>');
    } finally {
      await app.close();
    }
  }, 15_000);
});
