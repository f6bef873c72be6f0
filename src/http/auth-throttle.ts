/**
 * Login throttling: after too many failed attempts for one e-mail (from any address), for one
 * address and e-mail, or for one address overall within the window, further attempts are refused
 * until the oldest failure ages out. Keying on the e-mail alone means a new address gets no
 * fresh tries on an account.
 *
 * Concurrency: an attempt is counted as a failure *before* the password is checked (scrypt is
 * slow and asynchronous), in the same synchronous step as the check of the limits, so parallel
 * attempts cannot all pass the check before any of them is counted; a correct password then
 * takes its attempt back. In memory: one process serves the API (the embedded engine allows one
 * connection), and a restart only forgives.
 */
export interface LoginAttempt {
  readonly ip: string;
  readonly email: string;
  readonly at: number;
}

export interface LoginThrottle {
  /** Checks the limits and reserves an attempt; `wait` (seconds) > 0 when refused. */
  begin(ip: string, email: string): { wait: number; attempt: LoginAttempt | null };
  /** The password was right: the reserved attempt and the account's earlier failures are forgiven. */
  succeed(attempt: LoginAttempt): void;
}

export interface ThrottleOptions {
  maxPerAccount?: number;
  maxPerEmail?: number;
  maxPerAddress?: number;
  windowMs?: number;
  now?: () => number;
}

export function createLoginThrottle(options: ThrottleOptions = {}): LoginThrottle {
  const maxPerAccount = options.maxPerAccount ?? 5;
  const maxPerEmail = options.maxPerEmail ?? 10;
  const maxPerAddress = options.maxPerAddress ?? 50;
  const windowMs = options.windowMs ?? 15 * 60_000;
  const now = options.now ?? Date.now;
  const failures = new Map<string, number[]>();
  const keysOf = (ip: string, email: string) => {
    const normalised = email.trim().toLowerCase();
    return { account: `${ip}|${normalised}`, email: `@|${normalised}`, ip };
  };
  const recent = (key: string) => {
    const since = now() - windowMs;
    const times = (failures.get(key) ?? []).filter((time) => time > since);
    if (times.length) failures.set(key, times);
    else failures.delete(key);
    return times;
  };
  const wait = (times: number[], max: number) =>
    times.length < max ? 0 : Math.ceil(((times[times.length - max] ?? now()) + windowMs - now()) / 1000);
  const forget = (key: string, at: number) => {
    const times = recent(key);
    const index = times.indexOf(at);
    if (index >= 0) times.splice(index, 1);
    if (times.length === 0) failures.delete(key);
  };
  return {
    begin(ip, email) {
      const keys = keysOf(ip, email);
      const seconds = Math.max(
        wait(recent(keys.account), maxPerAccount),
        wait(recent(keys.email), maxPerEmail),
        wait(recent(keys.ip), maxPerAddress),
      );
      if (seconds > 0) return { wait: Math.max(1, seconds), attempt: null };
      const at = now();
      for (const key of Object.values(keys)) failures.set(key, [...recent(key), at]);
      return { wait: 0, attempt: { ip, email, at } };
    },
    succeed(attempt) {
      const keys = keysOf(attempt.ip, attempt.email);
      failures.delete(keys.account);
      forget(keys.email, attempt.at);
      forget(keys.ip, attempt.at);
    },
  };
}
