/** Options every command shares, and opening the runtime from them. */
import type { Command } from 'commander';
import type { AppContext } from '#app/context';
import { DomainError } from '#app/errors';
import type { Runtime } from '#app/runtime';
import { type Lang, toLang, translator } from '#text/catalogue';

export interface GlobalOptions {
  db?: string;
  dataDir?: string;
  company?: string;
  json?: boolean;
}

export function globalOptions(command: Command): GlobalOptions {
  return command.optsWithGlobals<GlobalOptions>();
}

/**
 * Runtimes lent to a program by the code that runs it in its own process (runCli's `runtime`):
 * the CLI tests run a dozen commands on one database, and opening the embedded engine again for
 * each costs a second of CPU. A lent runtime is the caller's: used as it is, never closed here.
 */
const lentRuntimes = new WeakMap<Command, Runtime>();

export function lendRuntime(program: Command, runtime: Runtime): void {
  lentRuntimes.set(program, runtime);
}

export async function withRuntime<T>(command: Command, work: (runtime: Runtime) => Promise<T>): Promise<T> {
  let program = command;
  while (program.parent) program = program.parent;
  const lent = lentRuntimes.get(program);
  if (lent) return work(lent);
  const options = globalOptions(command);
  // Loaded here, not at the top: `encours --help` and a refused argument never open a database,
  // and the runtime's modules (drivers, migrations, ports) cost over a second of CPU to load.
  const [{ openRuntime }, { resolveDatabaseConfig }] = await Promise.all([
    import('#app/runtime'),
    import('#db/infra/connect'),
  ]);
  const runtime = await openRuntime(
    resolveDatabaseConfig(process.env, { url: options.db, dataDir: options.dataDir }),
  );
  try {
    return await work(runtime);
  } finally {
    await runtime.close();
  }
}

export async function withContext<T>(command: Command, work: (ctx: AppContext) => Promise<T>): Promise<T> {
  return withRuntime(command, async (runtime) =>
    work(await runtime.contextFor(globalOptions(command).company, 'cli')),
  );
}

/**
 * The context of a command acting for a named user of the company (`--user EMAIL`): the use cases
 * judge their role as the API judges a signed-in reader's, and record them as the actor. Without
 * one, the command acts for the company (`withContext`).
 */
export async function withUserContext<T>(
  command: Command,
  email: string | undefined,
  work: (ctx: AppContext) => Promise<T>,
): Promise<T> {
  if (email === undefined) return withContext(command, work);
  const { actingUser } = await import('#app/auth/auth');
  return withRuntime(command, async (runtime) => {
    const ctx = await runtime.contextFor(globalOptions(command).company, email.trim());
    return work({ ...ctx, user: await actingUser(ctx, email) });
  });
}

/** A `--lang` option's value: fr or en, anything else refused (in French: the language is unknown). */
export function parseLang(text: string): Lang {
  if (text !== 'fr' && text !== 'en')
    throw new DomainError('invalid_input', translator('fr')('cli.error.lang', { value: text }));
  return toLang(text);
}
