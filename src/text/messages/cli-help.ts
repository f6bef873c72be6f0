/**
 * The message files of the command line's help. They are not in index.ts: the web application
 * bundles every file listed there (their French in its first page), and it never shows this help.
 * src/cli/help-words.ts adds them to the catalogue when a command line is built.
 */
import { cliHelpBase } from './cli-help-base.ts';
import { cliHelpCash } from './cli-help-cash.ts';
import { cliHelpDunning } from './cli-help-dunning.ts';
import { cliHelpFinance } from './cli-help-finance.ts';
import { cliHelpLegal } from './cli-help-legal.ts';
import { cliHelpReports } from './cli-help-reports.ts';
import type { MessageFile } from './index.ts';

export const CLI_HELP_FILES: readonly MessageFile[] = [
  cliHelpBase,
  cliHelpReports,
  cliHelpDunning,
  cliHelpCash,
  cliHelpLegal,
  cliHelpFinance,
];
