/**
 * The reminder templates over HTTP: the list the policies use, one template's text, a new version
 * (refused unless it parses, reads only the variables reminders are given and renders on a sample
 * reminder), and a preview — HTML and text for an e-mail, the text for an SMS, a PDF for a letter —
 * with the template's warnings in the reader's language (a letter's in a header, its body a PDF).
 */
import { Type } from '@fastify/type-provider-typebox';
import { getTemplate } from '#app/dunning/policies';
import { listTemplates, previewTemplate, saveCheckedTemplate } from '#app/dunning/template-editing';
import { wordingText } from '#app/errors';
import type { StepKind } from '#core/dunning/policy';
import type { Role } from '#core/types';
import type { Lang } from '#text/catalogue';
import { type ApiServer, Problem } from '../api-types.ts';
import { sendDocument } from '../download.ts';
import { readerLang } from '../reader-lang.ts';

const READERS: readonly Role[] = ['admin', 'credit_manager', 'collector', 'director', 'auditor'];
const EDITORS: readonly Role[] = ['admin', 'credit_manager'];
const errors = { 400: Problem, 404: Problem };

const Channel = Type.Union([Type.Literal('email'), Type.Literal('letter'), Type.Literal('sms')]);
const LangSchema = Type.Union([Type.Literal('fr'), Type.Literal('en')]);
const StepKindSchema = Type.Union([
  Type.Literal('courtesy'),
  Type.Literal('reminder'),
  Type.Literal('formal_notice'),
  Type.Literal('handover'),
]);
const TemplateParams = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 80 }),
  channel: Channel,
  lang: LangSchema,
});
const Template = Type.Object({
  templateCode: Type.String(),
  channel: Type.String(),
  lang: Type.String(),
  source: Type.String(),
  version: Type.Union([Type.Integer(), Type.Null()]),
  edited: Type.Boolean(),
});
const Warnings = Type.Array(Type.String(), {
  description: 'What is wrong with the template without stopping it (an unknown variable prints nothing)',
});
/** A letter's warnings ride in this header: a JSON array of sentences, URI-encoded. */
const WARNINGS_HEADER = 'x-template-warnings';
const ListEntry = Type.Object({
  templateCode: Type.String(),
  stepKind: Type.String(),
  offsetDays: Type.Integer({ description: 'Days from the due date of the first step using it' }),
  channel: Type.String(),
  lang: Type.String(),
  version: Type.Union([Type.Integer(), Type.Null()]),
  subject: Type.String(),
});

export function registerDunningTemplateRoutes(app: ApiServer): void {
  app.get(
    '/api/dunning/templates',
    {
      config: { access: READERS },
      schema: {
        description:
          'The templates the policies’ steps use, per channel and language (edited version or shipped).',
        response: { 200: Type.Array(ListEntry) },
      },
    },
    async (request) => listTemplates(await app.contextOf(request)),
  );
  app.get(
    '/api/dunning/templates/:code/:channel/:lang',
    {
      config: { access: READERS },
      schema: {
        description:
          'A template’s Liquid text in force (the company’s latest version, else the shipped one).',
        params: TemplateParams,
        querystring: Type.Object({ stepKind: Type.Optional(StepKindSchema) }),
        response: { 200: Template, ...errors },
      },
    },
    async (request) =>
      getTemplate(await app.contextOf(request), {
        templateCode: request.params.code,
        channel: request.params.channel,
        lang: request.params.lang as Lang,
        stepKind: request.query.stepKind as StepKind | undefined,
      }),
  );
  app.put(
    '/api/dunning/templates/:code/:channel/:lang',
    {
      config: { access: EDITORS },
      schema: {
        description:
          'Saves a new version (the previous ones are kept) once it parses, reads only known variables and renders on a sample.',
        params: TemplateParams,
        body: Type.Object({
          source: Type.String({ maxLength: 20_000 }),
          stepKind: Type.Optional(StepKindSchema),
        }),
        response: { 200: Template, ...errors },
      },
    },
    async (request) =>
      saveCheckedTemplate(await app.contextOf(request), {
        templateCode: request.params.code,
        channel: request.params.channel,
        lang: request.params.lang as Lang,
        stepKind: request.body.stepKind as StepKind | undefined,
        source: request.body.source,
      }),
  );
  app.post(
    '/api/dunning/templates/:code/:channel/:lang/preview',
    {
      config: { access: READERS },
      schema: {
        description:
          'Renders a draft (or the template in force) on a sample reminder: JSON for an e-mail or SMS, a PDF for a letter (its warnings in the x-template-warnings header, a URI-encoded JSON array).',
        params: TemplateParams,
        body: Type.Object({
          source: Type.Optional(Type.String({ maxLength: 20_000 })),
          stepKind: Type.Optional(StepKindSchema),
        }),
        response: {
          200: Type.Union([
            Type.Object({
              channel: Type.Literal('email'),
              subject: Type.String(),
              html: Type.String(),
              text: Type.String(),
              warnings: Warnings,
            }),
            Type.Object({
              channel: Type.Literal('sms'),
              text: Type.String(),
              length: Type.Integer(),
              warnings: Warnings,
            }),
            Type.String({ description: 'application/pdf (a letter)' }),
          ]),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const preview = await previewTemplate(await app.contextOf(request), {
        templateCode: request.params.code,
        channel: request.params.channel,
        lang: request.params.lang as Lang,
        stepKind: request.body.stepKind as StepKind | undefined,
        source: request.body.source,
      });
      const lang = readerLang(request);
      const warnings = preview.warnings.map((w) => wordingText(w, lang));
      if (preview.channel === 'letter')
        return sendDocument(reply.header(WARNINGS_HEADER, encodeURIComponent(JSON.stringify(warnings))), {
          fileName: 'apercu.pdf',
          format: 'pdf',
          body: preview.pdf,
          inline: true,
        });
      return { ...preview, warnings };
    },
  );
}
