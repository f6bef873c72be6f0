/**
 * Report routes: aged balance (+ drill-down), indicators, risk table, cross tabulations and
 * anomalies as JSON, or as a CSV/XLSX/PDF file with `format=`.
 */
import { type Static, Type } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { getAgedBalance, getAgingDocuments } from '#app/reports/aging';
import { getAnomalies } from '#app/reports/anomalies';
import { CROSSTAB_DIMENSIONS, type CrosstabDimension, getCrosstab } from '#app/reports/crosstab';
import { getKpis } from '#app/reports/kpis';
import {
  agingTable,
  anomaliesTable,
  crosstabTable,
  type ExportFormat,
  renderKpis,
  renderTable,
  riskTableTable,
} from '#app/reports/report-tables';
import { getRiskTable } from '#app/reports/risk';
import type { AgingGroupBy } from '#db/reports/aging';
import { type ApiServer, Problem } from '../api-types.ts';

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

const MIME: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

async function sendFile(reply: FastifyReply, name: string, format: ExportFormat, body: Promise<Buffer>) {
  return reply
    .header('content-type', MIME[format])
    .header('content-disposition', `attachment; filename="${name}.${format}"`)
    .send(await body);
}

const isFile = (format: string | undefined): format is ExportFormat =>
  format !== undefined && format !== 'json';
const bounds = (text: string | undefined) => text?.split(',').map(Number);
// Files (format=csv|xlsx|pdf) share the route, so the 200 schema documents the JSON shape loosely.
const Json = Type.Unknown({ description: 'JSON report, or the file when format is csv, xlsx or pdf' });
const responses = { 200: Json, 400: Problem, 404: Problem };
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const AgedGroup = Type.Object({
  key: Type.String(),
  name: Type.String(),
  totalMinor: Type.Integer(),
  bucketsMinor: Type.Array(Type.Integer()),
  creditsMinor: Type.Integer(),
  documentCount: Type.Integer(),
});
/** The documented shape of the aged balance (the drill-down answers with `documents` instead). */
export const AgedBalanceSchema = Type.Object({
  asOf: Type.String(),
  basis: Type.String(),
  currency: Type.String(),
  groupBy: Type.String(),
  buckets: Type.Array(
    Type.Object({
      key: Type.String(),
      label: Type.String(),
      fromDays: Nullable(Type.Integer()),
      toDays: Nullable(Type.Integer()),
    }),
  ),
  groups: Type.Array(AgedGroup),
  totals: Type.Object({
    totalMinor: Type.Integer(),
    bucketsMinor: Type.Array(Type.Integer()),
    creditsMinor: Type.Integer(),
    documentCount: Type.Integer(),
  }),
  proof: Type.Record(Type.String(), Type.Union([Type.Boolean(), Type.Integer()])),
});

export function registerReportRoutes(api: ApiServer): void {
  api.get(
    '/api/reports/aging',
    { schema: { querystring: AgingQuery, response: responses } },
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
      if (isFile(q.format))
        return sendFile(
          reply,
          `balance-agee-${report.asOf}`,
          q.format,
          renderTable(agingTable(report, q.lang), q.format),
        );
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
    { schema: { querystring: KpiQuery, response: responses } },
    async (request, reply) => {
      const q = request.query;
      const report = await getKpis(await api.contextOf(request), {
        from: q.from,
        to: q.to,
        countbackDayBasis: q.countback,
        lateCostRateBps: q.rateBps,
        perCustomer: q.perCustomer,
      });
      if (isFile(q.format))
        return sendFile(reply, `indicateurs-${report.to}`, q.format, renderKpis(report, q.format, q.lang));
      return report;
    },
  );

  const RiskQuery = Type.Object({ asOf: Day, format: Format, lang: Lang, ...Filters });
  api.get(
    '/api/reports/risk-table',
    { schema: { querystring: RiskQuery, response: responses } },
    async (request, reply) => {
      const q = request.query;
      const table = await getRiskTable(await api.contextOf(request), { ...q, lang: q.lang });
      if (isFile(q.format))
        return sendFile(
          reply,
          `suivi-risques-${table.asOf}`,
          q.format,
          renderTable(riskTableTable(table, q.lang), q.format),
        );
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
    { schema: { querystring: CrosstabQuery, response: responses } },
    async (request, reply) => {
      const q = request.query;
      const report = await getCrosstab(await api.contextOf(request), {
        ...q,
        rows: q.rows as CrosstabDimension,
        columns: q.columns as CrosstabDimension,
      });
      if (isFile(q.format))
        return sendFile(
          reply,
          `tri-croise-${report.asOf}`,
          q.format,
          renderTable(crosstabTable(report, q.lang), q.format),
        );
      return report;
    },
  );

  const AnomaliesQuery = Type.Object({ asOf: Day, format: Format, lang: Lang });
  api.get(
    '/api/reports/anomalies',
    { schema: { querystring: AnomaliesQuery, response: responses } },
    async (request, reply) => {
      const q = request.query;
      const report = await getAnomalies(await api.contextOf(request), { asOf: q.asOf, lang: q.lang });
      if (isFile(q.format))
        return sendFile(
          reply,
          `anomalies-${report.asOf}`,
          q.format,
          renderTable(anomaliesTable(report, q.lang), q.format),
        );
      return report;
    },
  );
}
