/**
 * Login throttling: after too many failed attempts for one address and e-mail (or one address
 * overall) within the window, further attempts are refused until the oldest failure ages out.
 * Only failures count, so people who sign in correctly are never slowed down. In memory: one
 * process serves the API (the embedded engine allows one), and a restart only forgives.
 */
export interface LoginThrottle {
  /** Seconds to wait before trying again; 0 when an attempt is allowed. */
  retryAfterSeconds(ip: string, email: string): number;
  recordFailure(ip: string, email: string): void;
  recordSuccess(ip: string, email: string): void;
}

export function createLoginThrottle(
  options: { maxPerAccount?: number; maxPerAddress?: number; windowMs?: number; now?: () => number } = {},
): LoginThrottle {
  const maxPerAccount = options.maxPerAccount ?? 5;
  const maxPerAddress = options.maxPerAddress ?? 50;
  const windowMs = options.windowMs ?? 15 * 60_000;
  const now = options.now ?? Date.now;
  const failures = new Map<string, number[]>();
  const accountKey = (ip: string, email: string) => `${ip}|${email.trim().toLowerCase()}`;
  const recent = (key: string) => {
    const since = now() - windowMs;
    const times = (failures.get(key) ?? []).filter((time) => time > since);
    if (times.length) failures.set(key, times);
    else failures.delete(key);
    return times;
  };
  const wait = (times: number[], max: number) =>
    times.length < max ? 0 : Math.ceil(((times[times.length - max] ?? now()) + windowMs - now()) / 1000);
  return {
    retryAfterSeconds(ip, email) {
      return Math.max(wait(recent(accountKey(ip, email)), maxPerAccount), wait(recent(ip), maxPerAddress));
    },
    recordFailure(ip, email) {
      for (const key of [accountKey(ip, email), ip]) failures.set(key, [...recent(key), now()]);
    },
    recordSuccess(ip, email) {
      failures.delete(accountKey(ip, email));
    },
  };
}
