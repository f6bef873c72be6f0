/** User accounts (admin) and the colleague directory (everyone): names of actors, @mentions. */
import { Type } from '@fastify/type-provider-typebox';
import { listSalespeople } from '#app/auth/salesperson-scope';
import { createUser, listUsers, updateUser } from '#app/auth/users';
import { ROLES } from '#core/types';
import { type ApiServer, Problem } from '../api-types.ts';
import { ADMINS, ALL_ROLES } from '../auth-roles.ts';
import { ColleagueSchema, UserLanguageSchema, UserAccountSchema as UserSchema } from '../schemas/users.ts';

const RoleSchema = Type.Enum([...ROLES]);
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export function registerUserRoutes(app: ApiServer): void {
  app.get(
    '/api/users',
    { config: { access: ADMINS }, schema: { response: { 200: Type.Array(UserSchema) } } },
    async (request) => listUsers(await app.contextOf(request)),
  );

  app.get(
    '/api/users/directory',
    {
      config: { access: ALL_ROLES },
      schema: {
        description:
          'Colleagues by e-mail and name; a deactivated one (active: false) still names their past actions, but is not to be mentioned.',
        response: { 200: Type.Array(ColleagueSchema) },
      },
    },
    async (request) =>
      (await listUsers(await app.contextOf(request))).map(({ email, name, disabled }) => ({
        email,
        name,
        active: !disabled,
      })),
  );

  app.get(
    '/api/users/salespeople',
    {
      config: { access: ADMINS },
      schema: {
        description:
          'The salesperson names the customers file holds: a salesperson user’s scope is one of them.',
        response: { 200: Type.Array(Type.String()) },
      },
    },
    async (request) => listSalespeople(await app.contextOf(request)),
  );

  app.post(
    '/api/users',
    {
      config: { access: ADMINS },
      schema: {
        body: Type.Object(
          {
            email: Type.String({ maxLength: 320 }),
            name: Type.String({ minLength: 1, maxLength: 200 }),
            role: RoleSchema,
            salesperson: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
            password: Type.String({ maxLength: 1000 }),
            language: Type.Optional(UserLanguageSchema),
          },
          { additionalProperties: false },
        ),
        response: { 201: UserSchema, 400: Problem, 409: Problem },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createUser(await app.contextOf(request), request.body)),
  );

  app.patch(
    '/api/users/:email',
    {
      config: { access: ADMINS },
      schema: {
        params: Type.Object({ email: Type.String() }),
        body: Type.Object(
          {
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            role: Type.Optional(RoleSchema),
            salesperson: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
            password: Type.Optional(Type.String({ maxLength: 1000 })),
            disabled: Type.Optional(Type.Boolean()),
            language: Type.Optional(UserLanguageSchema),
          },
          { additionalProperties: false },
        ),
        response: { 200: UserSchema, 400: Problem, 404: Problem },
      },
    },
    async (request) => updateUser(await app.contextOf(request), request.params.email, request.body),
  );
}
