/**
 * Report routes: aged balance (+ drill-down), indicators, risk table, cross tabulations and
 * anomalies as JSON, or as a CSV/XLSX/PDF file with `format=`.
 */
import { type Static, Type } from '@fastify/type-provider-typebox';
import { getAgedBalance, getAgingDocuments } from '#app/reports/aging';
import { getAnomalies } from '#app/reports/anomalies';
import { CROSSTAB_DIMENSIONS, type CrosstabDimension, getCrosstab } from '#app/reports/crosstab';
import { getKpis } from '#app/reports/kpis';
import {
  agingExport,
  anomaliesExport,
  crosstabExport,
  kpisExport,
  renderReport,
  riskExport,
} from '#app/reports/report-tables';
import { getRiskTable } from '#app/reports/risk';
import type { AgingGroupBy } from '#db/reports/aging';
import type { ApiServer } from '../api-types.ts';
import { isExportFormat, sendDocument } from '../download.ts';
import {
  AgingDrillSchema,
  AgingReportSchema,
  AnomalyReportSchema,
  CrosstabSchema,
  KpiReportSchema,
  RiskTableSchema,
  reportResponses,
} from '../schemas/reports.ts';

const Format = Type.Optional(
  Type.Union([Type.Literal('json'), Type.Literal('csv'), Type.Literal('xlsx'), Type.Literal('pdf')]),
);
const Lang = Type.Optional(Type.Union([Type.Literal('fr'), Type.Literal('en')]));
const Day = Type.Optional(Type.String({ format: 'date' }));
const Filters = {
  customerType: Type.Optional(Type.String()),
  salesperson: Type.Optional(Type.String()),
};

const AgingQuery = Type.Object({
  asOf: Day,
  by: Type.Optional(
    Type.Union(['customer', 'customer_type', 'salesperson', 'group', 'country'].map((v) => Type.Literal(v))),
  ),
  basis: Type.Optional(Type.Union([Type.Literal('due'), Type.Literal('issue')])),
  buckets: Type.Optional(
    Type.String({ pattern: '^\\d+(,\\d+)*$', description: 'upper bounds in days, e.g. 30,60,90' }),
  ),
  drill: Type.Optional(Type.String({ description: 'group key: list its documents' })),
  bucket: Type.Optional(Type.String({ description: 'with drill: a bucket key or "credits"' })),
  format: Format,
  lang: Lang,
  ...Filters,
});

const bounds = (text: string | undefined) => text?.split(',').map(Number);
/** The aged balance, or with `drill=` the documents behind one of its lines. */
const AgingAnswer = Type.Union([AgingDrillSchema, AgingReportSchema]);

export function registerReportRoutes(api: ApiServer): void {
  api.get(
    '/api/reports/aging',
    { schema: { querystring: AgingQuery, response: reportResponses(AgingAnswer) } },
    async (request, reply) => {
      const q: Static<typeof AgingQuery> = request.query;
      const ctx = await api.contextOf(request);
      const input = {
        asOf: q.asOf,
        groupBy: q.by as AgingGroupBy | undefined,
        basis: q.basis,
        bucketBounds: bounds(q.buckets),
        customerType: q.customerType,
        salesperson: q.salesperson,
        lang: q.lang,
      };
      if (q.drill !== undefined)
        return getAgingDocuments(ctx, { ...input, groupKey: q.drill, bucketKey: q.bucket });
      const report = await getAgedBalance(ctx, input);
      if (isExportFormat(q.format))
        return sendDocument(reply, {
          fileName: `balance-agee-${report.asOf}.${q.format}`,
          format: q.format,
          body: await renderReport(ctx, agingExport, report, q.format, q.lang),
        });
      return report;
    },
  );

  const KpiQuery = Type.Object({
    from: Day,
    to: Day,
    countback: Type.Optional(Type.Union([Type.Literal('actual'), Type.Literal('thirty')])),
    rateBps: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
    perCustomer: Type.Optional(Type.Boolean()),
    format: Format,
    lang: Lang,
  });
  api.get(
    '/api/reports/kpis',
    { schema: { querystring: KpiQuery, response: reportResponses(KpiReportSchema) } },
    async (request, reply) => {
      const q = request.query;
      const ctx = await api.contextOf(request);
      const report = await getKpis(ctx, {
        from: q.from,
        to: q.to,
        countbackDayBasis: q.countback,
        lateCostRateBps: q.rateBps,
        perCustomer: q.perCustomer,
      });
      if (isExportFormat(q.format))
        return sendDocument(reply, {
          fileName: `indicateurs-${report.to}.${q.format}`,
          format: q.format,
          body: await renderReport(ctx, kpisExport, report, q.format, q.lang),
        });
      return report;
    },
  );

  const RiskQuery = Type.Object({ asOf: Day, format: Format, lang: Lang, ...Filters });
  api.get(
    '/api/reports/risk-table',
    { schema: { querystring: RiskQuery, response: reportResponses(RiskTableSchema) } },
    async (request, reply) => {
      const q = request.query;
      const ctx = await api.contextOf(request);
      const table = await getRiskTable(ctx, { ...q, lang: q.lang });
      if (isExportFormat(q.format))
        return sendDocument(reply, {
          fileName: `suivi-risques-${table.asOf}.${q.format}`,
          format: q.format,
          body: await renderReport(ctx, riskExport, table, q.format, q.lang),
        });
      return table;
    },
  );

  const Dimension = Type.Union(CROSSTAB_DIMENSIONS.map((d) => Type.Literal(d)));
  const CrosstabQuery = Type.Object({
    asOf: Day,
    rows: Dimension,
    columns: Dimension,
    format: Format,
    lang: Lang,
    ...Filters,
  });
  api.get(
    '/api/reports/crosstab',
    { schema: { querystring: CrosstabQuery, response: reportResponses(CrosstabSchema) } },
    async (request, reply) => {
      const q = request.query;
      const ctx = await api.contextOf(request);
      const report = await getCrosstab(ctx, {
        ...q,
        rows: q.rows as CrosstabDimension,
        columns: q.columns as CrosstabDimension,
      });
      if (isExportFormat(q.format))
        return sendDocument(reply, {
          fileName: `tri-croise-${report.asOf}.${q.format}`,
          format: q.format,
          body: await renderReport(ctx, crosstabExport, report, q.format, q.lang),
        });
      return report;
    },
  );

  const AnomaliesQuery = Type.Object({ asOf: Day, format: Format, lang: Lang });
  api.get(
    '/api/reports/anomalies',
    { schema: { querystring: AnomaliesQuery, response: reportResponses(AnomalyReportSchema) } },
    async (request, reply) => {
      const q = request.query;
      const ctx = await api.contextOf(request);
      const report = await getAnomalies(ctx, { asOf: q.asOf, lang: q.lang });
      if (isExportFormat(q.format))
        return sendDocument(reply, {
          fileName: `anomalies-${report.asOf}.${q.format}`,
          format: q.format,
          body: await renderReport(ctx, anomaliesExport, report, q.format, q.lang),
        });
      return report;
    },
  );
}
