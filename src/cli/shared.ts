/** Options every command shares, and opening the runtime from them. */
import type { Command } from 'commander';
import type { AppContext } from '#app/context';
import { openRuntime, type Runtime } from '#app/runtime';
import { resolveDatabaseConfig } from '#db/infra/connect';

export interface GlobalOptions {
  db?: string;
  dataDir?: string;
  company?: string;
  json?: boolean;
}

export function globalOptions(command: Command): GlobalOptions {
  return command.optsWithGlobals<GlobalOptions>();
}

export async function withRuntime<T>(command: Command, work: (runtime: Runtime) => Promise<T>): Promise<T> {
  const options = globalOptions(command);
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
