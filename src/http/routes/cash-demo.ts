/**
 * The demo statement of the cash page (app/cash/demo-statement.ts): whether it is offered, its
 * camt.053 file, and its import through the same use case as `POST /api/imports/bank`. Only the
 * demo company has one (404 elsewhere); downloading and importing it take the bank import's roles.
 */
import { Type } from '@fastify/type-provider-typebox';
import { getDemoStatementFile, getDemoStatementOffer, importDemoStatement } from '#app/cash/demo-statement';
import { type ApiServer, Problem } from '../api-types.ts';
import { CREDIT_DEPARTMENT, STAFF } from '../auth-roles.ts';
import { sendDocument } from '../download.ts';
import { readerLang } from '../reader-lang.ts';
import { RejectedProblem } from '../schemas/problem.ts';
import { BankImportSummarySchema, DemoStatementOfferSchema } from './cash-schemas.ts';

const LangQuery = Type.Object({
  lang: Type.Optional(Type.Union([Type.Literal('fr'), Type.Literal('en')])),
});

export function registerCashDemoRoutes(api: ApiServer): void {
  api.get(
    '/api/cash/demo-statement',
    {
      config: { access: STAFF },
      schema: {
        description:
          'How many bank statements the company has imported, and whether the demo statement (the demo company’s month of receipts) is offered.',
        response: { 200: DemoStatementOfferSchema },
      },
    },
    async (request) => getDemoStatementOffer(await api.contextOf(request)),
  );
  api.get(
    '/api/cash/demo-statement/file',
    {
      config: { access: CREDIT_DEPARTMENT },
      schema: {
        description: 'The demo statement as a camt.053 file, to import like any statement.',
        response: { 200: Type.String({ description: 'camt.053 XML file' }), 404: Problem },
      },
    },
    async (request, reply) => {
      const file = await getDemoStatementFile(await api.contextOf(request));
      return sendDocument(reply, {
        fileName: file.fileName,
        contentType: 'application/xml; charset=utf-8',
        body: file.content,
      });
    },
  );
  api.post(
    '/api/cash/demo-statement/import',
    {
      config: { access: CREDIT_DEPARTMENT },
      schema: {
        description:
          'Imports the demo statement as an uploaded statement would be: idempotent, audited, the matching job queued.',
        querystring: LangQuery,
        response: { 200: BankImportSummarySchema, 404: Problem, 422: RejectedProblem },
      },
    },
    async (request) => importDemoStatement(await api.contextOf(request), { lang: readerLang(request) }),
  );
}
