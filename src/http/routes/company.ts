/**
 * The company's identity (legal name, SIREN, postal address), printed in the header of its
 * reports, customer files and letters: read and replaced by an administrator, every change audited.
 */
import { getCompanyIdentity, updateCompanyIdentity } from '#app/companies/companies';
import { type ApiServer, Problem } from '../api-types.ts';
import { ADMINS } from '../auth-roles.ts';
import { CompanyIdentitySchema } from '../schemas/company.ts';

export function registerCompanyRoutes(app: ApiServer): void {
  app.get(
    '/api/company/identity',
    {
      config: { access: ADMINS },
      schema: {
        description: 'Who the company is on its documents and letters.',
        response: { 200: CompanyIdentitySchema, 404: Problem },
      },
    },
    async (request) => getCompanyIdentity(await app.contextOf(request)),
  );

  app.put(
    '/api/company/identity',
    {
      config: { access: ADMINS },
      schema: {
        description: 'Replaces the identity printed on documents and letters (audited, before and after).',
        body: CompanyIdentitySchema,
        response: { 200: CompanyIdentitySchema, 400: Problem, 404: Problem },
      },
    },
    async (request) => {
      const ctx = await app.contextOf(request);
      await updateCompanyIdentity(ctx, request.body);
      return getCompanyIdentity(ctx);
    },
  );
}
