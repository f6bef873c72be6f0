/**
 * A version of the order-check rules is refused when a field that names a decision holds anything
 * else (`noLimitPublicBody`, `noLimit`, `coverLapsed`, `blockedAccount`, the class decisions): saved
 * through the API, or proposed to the policy replay (the CLI's `procedure replay --policy FILE`), it
 * says which field and what it admits, in the reader's language — it was stored as given, and the
 * check then recorded an unknown severity.
 */
import { describe, expect, it } from 'vitest';
import { replayProcedure } from '#app/procedure/replay';
import { DEFAULT_ORDER_CHECK_RULES } from '#core/credit/order-check';
import { httpFixtureOfFile } from './http-file.fixture.ts';
import { emailOf } from './http-fixture.ts';

const file = httpFixtureOfFile({ manager: emailOf('credit_manager') });
const { manager } = file.sessions;

const save = (version: string, body: object, lang = '') =>
  file.call(manager, 'POST', `/api/credit/config/order_rules${lang}`, {
    version,
    effectiveFrom: '2026-05-01',
    body,
  });

const problem = (reply: Awaited<ReturnType<typeof save>>) => {
  const body = reply.json();
  return { status: reply.statusCode, code: body.code, detail: body.detail };
};

describe('saving order-check rules', () => {
  it('refuses a decision the check does not know, saying which field and what it admits', async () => {
    const bad = await save('bad-public-body', { ...DEFAULT_ORDER_CHECK_RULES, noLimitPublicBody: 'maybe' });
    expect(problem(bad)).toEqual({
      status: 400,
      code: 'invalid_input',
      detail:
        'Configuration non valable (règles du contrôle des commandes)\u00a0: organisme public sans limite ' +
        '(noLimitPublicBody)\u00a0: «\u00a0maybe\u00a0» n’est pas une décision admise (approve, hold ou refuse)',
    });
    const english = await save(
      'bad-public-body',
      { ...DEFAULT_ORDER_CHECK_RULES, noLimitPublicBody: 'maybe' },
      '?lang=en',
    );
    expect(problem(english).detail).toBe(
      'Invalid configuration (order-check rules): public body without a limit (noLimitPublicBody): ' +
        '"maybe" is not an admitted decision (approve, hold or refuse)',
    );
    const { noLimit: _left, ...withoutNoLimit } = DEFAULT_ORDER_CHECK_RULES;
    const several = await save('bad-several', {
      ...withoutNoLimit,
      coverLapsed: 'approve',
      blockedAccount: 1,
      classDecisions: { E: 'stop' },
    });
    expect(problem(several)).toEqual({
      status: 400,
      code: 'invalid_input',
      detail:
        'Configuration non valable (règles du contrôle des commandes)\u00a0: ' +
        'compte bloqué (blockedAccount)\u00a0: «\u00a01\u00a0» n’est pas une décision admise (hold ou refuse)\u00a0; ' +
        'client sans limite (noLimit)\u00a0: la décision manque (hold ou refuse)\u00a0; ' +
        'garantie d’assurance tombée (coverLapsed)\u00a0: «\u00a0approve\u00a0» n’est pas une décision admise ' +
        '(hold, refuse, ou null pour désactiver la règle)\u00a0; ' +
        'classe E (classDecisions)\u00a0: «\u00a0stop\u00a0» n’est pas une décision admise (hold ou refuse)',
    });
    const listed = await file.call(manager, 'GET', '/api/credit/config/order_rules');
    expect(listed.json().versions.map((v: { version: string }) => v.version)).not.toContain('bad-several');
  });

  it('saves the decisions the type admits, the public bodies’ rule left out or set', async () => {
    const { noLimitPublicBody: _left, ...older } = DEFAULT_ORDER_CHECK_RULES;
    expect((await save('older-shape', { ...older, coverLapsed: null })).statusCode).toBe(201);
    const held = await save('public-bodies-held', {
      ...DEFAULT_ORDER_CHECK_RULES,
      noLimitPublicBody: 'hold',
    });
    expect(held.statusCode).toBe(201);
    expect(held.json().body).toMatchObject({ noLimitPublicBody: 'hold' });
  });

  it('refuses the same value in a proposal to the policy replay', async () => {
    const ctx = file.database.context('WEB');
    await expect(
      replayProcedure(ctx, { proposal: { version: 'p', order_rules: { noLimitPublicBody: 'maybe' } } }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      message:
        'The proposal for the order rules is invalid: public body without a limit (noLimitPublicBody): ' +
        '"maybe" is not an admitted decision (approve, hold or refuse).',
    });
  });
});
