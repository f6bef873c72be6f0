/**
 * `encours --help` as a person reads it: in French by default, in English with `--lang en` (before
 * or after the command), commander's own words included. Run in this process (src/cli/run.ts), as
 * the CLI tests run the commands; the help opens no database.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '#cli/run';

/** What `encours …args` writes on stdout and stderr, and its exit code. */
async function encours(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const written = { stdout: '', stderr: '' };
  for (const stream of ['stdout', 'stderr'] as const)
    vi.spyOn(process[stream], 'write').mockImplementation(((chunk: string | Uint8Array) => {
      written[stream] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      return true;
    }) as typeof process.stdout.write);
  const status = (await runCli(args)) ?? 0;
  vi.restoreAllMocks();
  return { status, ...written };
}

/** The help as one line per item: commander wraps long descriptions over several lines. */
const unwrapped = (text: string) => text.replace(/\n {3,}/g, ' ');

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the help of the command line', () => {
  it('speaks French by default: the program, its options and commands, commander’s words', async () => {
    const help = await encours('--help');
    expect(help.status).toBe(0);
    const text = unwrapped(help.stdout);
    expect(text).toContain('Utilisation\u00a0: encours [options] [commande]');
    expect(text).toContain('Options\u00a0:');
    expect(text).toContain('Commandes\u00a0:');
    expect(text).toMatch(/-h, --help +afficher l’aide de la commande/);
    expect(text).toMatch(/--lang <lang> +langue des messages et des sorties texte\u00a0: fr ou en/);
    expect(text).toMatch(
      /serve +servir l’API HTTP \(et l’application web\)\u00a0; charge la société de démonstration au premier démarrage/,
    );
    expect(text).toMatch(/dunning +campagnes de relance\u00a0: relances, courriers, mises en demeure/);
    expect(text).not.toMatch(/Usage:|Commands:|display help/);
  });

  it('speaks English with --lang en', async () => {
    const text = unwrapped((await encours('--lang', 'en', '--help')).stdout);
    expect(text).toContain('Usage: encours [options] [command]');
    expect(text).toMatch(/-h, --help +display help for command/);
    expect(text).toMatch(
      /serve +serve the HTTP API \(and the web application\); loads the demo company on first start/,
    );
    expect(text).not.toContain('Utilisation');
  });

  it('describes a command’s options in the reader’s language, defaults and date formats included', async () => {
    const french = unwrapped((await encours('customers', 'list', '--help')).stdout);
    expect(french).toContain('Utilisation\u00a0: encours customers list [options]');
    expect(french).toContain('les clients avec leur encours et leur montant échu à une date');
    expect(french).toMatch(/--as-of <date> +AAAA-MM-JJ ou JJ\/MM\/AAAA \(par défaut\u00a0: aujourd’hui/);
    expect(french).toMatch(
      /--sort <field> +trier par code\|name\|balance\|overdue \(par défaut\u00a0: «\u00a0code\u00a0»\)/,
    );
    const english = unwrapped((await encours('customers', 'list', '--help', '--lang=en')).stdout);
    expect(english).toContain('customers with their balance and overdue amount as of a date');
    expect(english).toMatch(/--as-of <date> +YYYY-MM-DD or DD\/MM\/YYYY \(default: today/);
    expect(english).toMatch(/--sort <field> +sort by code\|name\|balance\|overdue \(default: "code"\)/);

    const dispute = unwrapped((await encours('dispute', 'open', '--help')).stdout);
    expect(dispute).toMatch(/--reason <reason> +quality \(qualité\), delivery \(livraison\)/);
    const jobs = unwrapped((await encours('--lang', 'en', 'jobs', 'start', '--help')).stdout);
    expect(jobs).toMatch(/Kinds:\n +ledger\.verify +\S/);
    expect(unwrapped((await encours('jobs', 'start', '--help')).stdout)).toContain('Natures\u00a0:');
  });

  it('lists a group’s subcommands with the help command in the reader’s language', async () => {
    const text = unwrapped((await encours('report', '--help')).stdout);
    expect(text).toContain('Utilisation\u00a0: encours report [options] [commande]');
    expect(text).toMatch(/aging \[options\] +balance âgée à une date/);
    expect(text).toMatch(/help \[commande\] +afficher l’aide de la commande/);
  });

  it('keeps commander’s refusals in the reader’s language, with the hint', async () => {
    const refused = await encours('customers', 'list', '--bogus');
    expect([refused.status, refused.stderr]).toEqual([
      2,
      'encours: Option --bogus inconnue\n(--help après la commande affiche ses options)\n',
    ]);
  });
});
