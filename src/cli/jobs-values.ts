/**
 * The option values of the `encours jobs` commands, refused with a catalogue wording, and the
 * company context they run in.
 */
import type { Command } from 'commander';
import type { AppContext } from '#app/context';
import { DomainError } from '#app/errors';
import type { Runtime } from '#app/runtime';
import { isLang, type Lang } from '#text/catalogue';
import { globalOptions } from './shared.ts';

export function langOf(command: Command): Lang {
  const lang = command.optsWithGlobals<{ lang?: string }>().lang ?? 'fr';
  if (!isLang(lang))
    throw new DomainError('invalid_input', { key: 'cli.error.lang', params: { value: lang } });
  return lang;
}

export function parseJson(text: string | undefined, option: string): unknown {
  if (text === undefined) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new DomainError('invalid_input', { key: 'errors.jobs.jsonOption', params: { option } });
  }
}

export function positiveNumber(text: string | undefined, option: string, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0)
    throw new DomainError('invalid_input', { key: 'errors.jobs.positiveOption', params: { option } });
  return value;
}

export function jobId(text: string): number {
  const id = Number(text);
  if (!Number.isSafeInteger(id) || id <= 0)
    throw new DomainError('invalid_input', { key: 'errors.jobs.notAJobNumber', params: { value: text } });
  return id;
}

export async function companyContext(runtime: Runtime, command: Command): Promise<AppContext> {
  return runtime.contextFor(globalOptions(command).company, 'cli');
}
