import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature } from './order-webhook.ts';

const SECRET = 'whsec_test';
const BODY = '{"customerCode":"C00002","amountMinor":150000,"orderRef":"ERP-1"}';
const NOW = new Date('2026-06-30T12:00:00Z');
const TIMESTAMP = String(NOW.getTime() / 1000);

describe('verifyWebhookSignature', () => {
  const check = (overrides: Partial<Parameters<typeof verifyWebhookSignature>[0]>) =>
    verifyWebhookSignature({
      secret: SECRET,
      timestamp: TIMESTAMP,
      signature: signWebhook(SECRET, TIMESTAMP, BODY),
      rawBody: BODY,
      now: NOW,
      ...overrides,
    });

  it('accepts the HMAC-SHA256 of "timestamp.body" under the secret', () => {
    expect(signWebhook(SECRET, TIMESTAMP, BODY)).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(check({})).toBe('ok');
  });

  it('refuses another secret, a changed body and a changed timestamp', () => {
    expect(check({ signature: signWebhook('whsec_other', TIMESTAMP, BODY) })).toBe('bad_signature');
    expect(check({ rawBody: BODY.replace('150000', '15000') })).toBe('bad_signature');
    const earlier = String(Number(TIMESTAMP) - 1);
    expect(check({ timestamp: earlier })).toBe('bad_signature');
  });

  it('refuses a call outside the five-minute window, either side, and malformed headers', () => {
    const at = (offsetSeconds: number) => String(Number(TIMESTAMP) + offsetSeconds);
    const signedAt = (t: string) => ({ timestamp: t, signature: signWebhook(SECRET, t, BODY) });
    expect(check(signedAt(at(-300)))).toBe('ok');
    expect(check(signedAt(at(-301)))).toBe('stale');
    expect(check(signedAt(at(301)))).toBe('stale');
    expect(check({ timestamp: 'yesterday' })).toBe('malformed');
    expect(check({ signature: 'md5=abc' })).toBe('malformed');
  });
});
