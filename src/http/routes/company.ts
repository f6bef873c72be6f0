/**
 * The company's identity (legal name, SIREN, postal address; legal form, share capital and RCS city
 * for its letters), printed in the header of its reports, customer files and letters: read and
 * replaced by an administrator, every change audited.
 */
import { getCompanyIdentity, updateCompanyIdentity } from '#app/companies/companies';
import { type ApiServer, Problem } from '../api-types.ts';
import { ADMINS } from '../auth-roles.ts';
import { CompanyIdentityCardSchema, CompanyIdentityChangeSchema } from '../schemas/company-legal.ts';

export function registerCompanyRoutes(app: ApiServer): void {
  app.get(
    '/api/company/identity',
    {
      config: { access: ADMINS },
      schema: {
        description: 'Who the company is on its documents and letters.',
        response: { 200: CompanyIdentityCardSchema, 404: Problem },
      },
    },
    async (request) => getCompanyIdentity(await app.contextOf(request)),
  );

  app.put(
    '/api/company/identity',
    {
      config: { access: ADMINS },
      schema: {
        description:
          'Replaces the identity printed on documents and letters (audited, before and after); a legal mention left out stays as it is.',
        body: CompanyIdentityChangeSchema,
        response: { 200: CompanyIdentityCardSchema, 400: Problem, 404: Problem },
      },
    },
    async (request) => {
      const ctx = await app.contextOf(request);
      await updateCompanyIdentity(ctx, request.body);
      return getCompanyIdentity(ctx);
    },
  );
}
