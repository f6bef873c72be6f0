/**
 * SMTP through nodemailer, configured by environment variables the shell passes in:
 * ENCOURS_SMTP_URL (smtp://user:pass@host:587, smtps://… for implicit TLS) or
 * ENCOURS_SMTP_HOST / _PORT / _USER / _PASSWORD / _SECURE; ENCOURS_MAIL_FROM is the sender.
 * Without a host, there is no SMTP: messages stay in the outbox.
 */
import nodemailer from 'nodemailer';
import { DomainError } from '../errors.ts';
import type { MailTransport } from './dispatch.ts';

export interface SmtpSettings {
  host: string;
  port: number;
  /** Implicit TLS (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user: string | null;
  password: string | null;
}

export interface MailSettings {
  smtp: SmtpSettings | null;
  from: string | undefined;
}

export function mailSettingsFromEnv(env: Readonly<Record<string, string | undefined>>): MailSettings {
  const from = env['ENCOURS_MAIL_FROM']?.trim() || undefined;
  const url = env['ENCOURS_SMTP_URL']?.trim();
  if (url) return { smtp: smtpSettingsFromUrl(url), from };
  const host = env['ENCOURS_SMTP_HOST']?.trim();
  if (!host) return { smtp: null, from };
  const secure = /^(1|true|yes)$/i.test(env['ENCOURS_SMTP_SECURE'] ?? '');
  return {
    smtp: {
      host,
      port: parsePort(env['ENCOURS_SMTP_PORT'] ?? (secure ? '465' : '587')),
      secure,
      user: env['ENCOURS_SMTP_USER'] || null,
      password: env['ENCOURS_SMTP_PASSWORD'] || null,
    },
    from,
  };
}

function smtpSettingsFromUrl(url: string): SmtpSettings {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DomainError('invalid_input', { key: 'errors.mail.smtpUrl' });
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:')
    throw new DomainError('invalid_input', { key: 'errors.mail.smtpScheme' });
  const secure = parsed.protocol === 'smtps:';
  return {
    host: parsed.hostname,
    port: parsePort(parsed.port || (secure ? '465' : '587')),
    secure,
    user: parsed.username ? decodeURIComponent(parsed.username) : null,
    password: parsed.password ? decodeURIComponent(parsed.password) : null,
  };
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new DomainError('invalid_input', { key: 'errors.mail.smtpPort', params: { value: text } });
  return port;
}

/**
 * A pooled nodemailer transport. Timeouts are bounded so that one submission always ends well
 * within the dispatcher's lease (see DEFAULT_LEASE_MS).
 */
export function createSmtpTransport(settings: SmtpSettings): MailTransport {
  const transporter = nodemailer.createTransport({
    pool: true,
    maxConnections: 2,
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: settings.user ? { user: settings.user, pass: settings.password ?? '' } : undefined,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
  return {
    async send(envelope, raw) {
      const info = await transporter.sendMail({ envelope, raw });
      return { providerMessageId: info.response ? String(info.response).trim() : null };
    },
    close: () => transporter.close(),
  };
}
