/** The internal-audit signals report and its thresholds (auditor, director, admin). */
import { Type } from '@fastify/type-provider-typebox';
import { auditThresholds, listAuditSignals, setAuditThresholds } from '#app/audit-signals/audit-signals';
import type { ApiServer } from '../api-types.ts';
import { AUDITORS } from '../auth-roles.ts';
import { AuditSignalsReportSchema, AuditThresholdsSchema } from '../schemas/audit-signals.ts';

const Day = Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }));
const Lang = Type.Optional(Type.Union([Type.Literal('fr'), Type.Literal('en')]));
/** Who may change the thresholds: not the auditor (read-only), not the people the signals are about. */
const THRESHOLD_SETTERS = ['admin', 'director'] as const;

export function registerAuditSignalRoutes(app: ApiServer): void {
  app.get(
    '/api/audit/signals',
    {
      config: { access: AUDITORS },
      schema: {
        description:
          'Internal-audit signals over a period (default: the 12 months to the reference date), newest first, each with its evidence.',
        querystring: Type.Object({ from: Day, to: Day, lang: Lang }),
        response: { 200: AuditSignalsReportSchema },
      },
    },
    async (request) => listAuditSignals(await app.contextOf(request), request.query),
  );
  app.get(
    '/api/audit/signal-thresholds',
    {
      config: { access: AUDITORS },
      schema: {
        description: 'The thresholds of the signals in force.',
        response: { 200: AuditThresholdsSchema },
      },
    },
    async (request) => auditThresholds(await app.contextOf(request)),
  );
  app.put(
    '/api/audit/signal-thresholds',
    {
      config: { access: THRESHOLD_SETTERS },
      schema: {
        description: 'Changes some thresholds (audited).',
        body: Type.Partial(AuditThresholdsSchema),
        response: { 200: AuditThresholdsSchema },
      },
    },
    async (request) => setAuditThresholds(await app.contextOf(request), request.body),
  );
}
