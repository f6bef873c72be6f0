import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { hasMessage, LANGS, translator } from '#text/catalogue';
import type { ApiServer } from './api-types.ts';
import { fieldWords } from './field-words.ts';
import { registerAllRoutes } from './routes/index.ts';

/** Every property name of the body schemas of every route, nested objects and list items included. */
async function bodyFieldNames(): Promise<Map<string, string>> {
  const app = Fastify({ ajv: { customOptions: { removeAdditional: false } } });
  const names = new Map<string, string>();
  const walk = (schema: unknown, route: string): void => {
    if (!schema || typeof schema !== 'object') return;
    const node = schema as Record<string, unknown>;
    for (const [name, child] of Object.entries((node['properties'] ?? {}) as Record<string, unknown>)) {
      if (!names.has(name)) names.set(name, route);
      walk(child, route);
    }
    walk(node['items'], route);
    for (const key of ['anyOf', 'oneOf', 'allOf'])
      if (Array.isArray(node[key])) for (const branch of node[key]) walk(branch, route);
  };
  app.addHook('onRoute', (route) => walk(route.schema?.body, `${route.method} ${route.url}`));
  // Registering reads no database: the routes only keep the runtime for their handlers.
  const api = Object.assign(app, { runtime: {}, contextOf: async () => ({}), routeAccess: [] });
  await registerAllRoutes(api as unknown as ApiServer);
  await app.close();
  return names;
}

describe('names of the body fields', () => {
  it('names every field of every route’s body in both languages', async () => {
    const names = await bodyFieldNames();
    expect(names.size).toBeGreaterThan(150);
    const unnamed = [...names]
      .filter(([name]) => LANGS.some((lang) => !hasMessage(`field.${name}`, lang)))
      .map(([name, route]) => `${name} (${route})`);
    expect(unnamed).toEqual([]);
  });

  it('puts the field first and the items that hold it after', () => {
    const words = (steps: string[], lang: 'fr' | 'en' = 'fr') => fieldWords(steps)?.(lang) ?? null;
    expect(words(['judicialFeeMinor'])).toBe('frais de justice');
    expect(words(['instalments', '0', 'amountMinor'])).toBe('montant (échéance 1)');
    expect(words(['instalments', '2'], 'en')).toBe('instalment 3');
    expect(words(['resolution'])).toBe('résolution');
    // A step the catalogue does not name (a key of a free-form object): the raw path is shown.
    expect(words(['payload', 'anything'])).toBeNull();
    expect(words(['0', 'name'])).toBeNull();
    expect(translator('fr')('field.amountMinor')).toBe('montant');
  });
});
