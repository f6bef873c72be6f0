/**
 * Dunning over HTTP, one file per sub-capability: policies and the half-year rates in
 * dunning-policies.ts, a run's preview and execution, the log of actions and the letters in
 * dunning-runs.ts, the history of runs in dunning-run-history.ts, the runs awaiting approval in dunning-proposals.ts; disputes, promises, tasks and the agenda in dunning-follow-up.ts and agenda.ts,
 * pauses and manual reminders in dunning-cases.ts, templates in dunning-templates.ts. Collectors
 * and the credit department work here.
 */
import type { ApiServer } from '../api-types.ts';
import { registerAgendaRoutes } from './agenda.ts';
import { registerCaseRoutes } from './dunning-follow-up.ts';
import { registerDunningPolicyRoutes } from './dunning-policies.ts';
import { registerDunningProposalRoutes } from './dunning-proposals.ts';
import { registerDunningRunHistoryRoutes } from './dunning-run-history.ts';
import { registerDunningRunRoutes } from './dunning-runs.ts';

export function registerDunningRoutes(app: ApiServer): void {
  registerDunningPolicyRoutes(app);
  registerDunningRunRoutes(app);
  registerDunningRunHistoryRoutes(app);
  registerDunningProposalRoutes(app);
  registerCaseRoutes(app);
  registerAgendaRoutes(app);
}
