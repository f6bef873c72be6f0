import Fastify, { type RouteOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { ApiServer } from './api-types.ts';
import { closedSchema } from './closed-schemas.ts';
import { registerAllRoutes } from './routes/index.ts';

/**
 * The objects of request bodies left open on purpose (`additionalProperties: true`), by route and
 * path in the body, with the reason. Any other object of a body refuses the fields it does not declare.
 */
const OPEN_ON_PURPOSE: Readonly<Record<string, string>> = {
  'POST /api/credit/config/:kind body.body':
    'a configuration version in the kind’s own shape, checked field by field by the use case',
  'POST /api/credit/config/scoring_method/preview body.method':
    'a scoring method in its own shape, checked by the use case as a saved one',
  'POST /api/watch/bodacc body': 'the OpenDataSoft answer as fetched, with its own fields around the records',
  'POST /api/watch/bodacc body.records[]': 'one BODACC record as published, only `fields` is read',
};

/** Every object of `schema` that does not refuse undeclared fields, named by its path. */
function openObjects(schema: unknown, path: string, found: string[]): void {
  if (!schema || typeof schema !== 'object') return;
  const node = schema as Record<string, unknown>;
  const properties = (node['properties'] ?? {}) as Record<string, unknown>;
  const isObject = node['type'] === 'object' || (node['type'] === undefined && 'properties' in node);
  if (isObject && node['additionalProperties'] !== false && node['patternProperties'] === undefined)
    found.push(path);
  for (const [name, child] of Object.entries(properties)) openObjects(child, `${path}.${name}`, found);
  openObjects(node['items'], `${path}[]`, found);
  for (const key of ['anyOf', 'oneOf'])
    if (Array.isArray(node[key])) for (const branch of node[key]) openObjects(branch, path, found);
}

/** The value at `path` in a JSON-like tree, or undefined. */
const at = (node: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>(
    (current, key) => (current as Record<string | number, unknown> | undefined)?.[key],
    node,
  );

/** The routes as the server registers them (schemas as validated, after every onRoute hook). */
async function registeredRoutes(): Promise<RouteOptions[]> {
  const app = Fastify({ ajv: { customOptions: { removeAdditional: false } } });
  const routes: RouteOptions[] = [];
  app.addHook('onRoute', (route) => {
    routes.push(route);
  });
  // Registering reads no database: the routes only keep the runtime for their handlers.
  const api = Object.assign(app, { runtime: {}, contextOf: async () => ({}), routeAccess: [] });
  await registerAllRoutes(api as unknown as ApiServer);
  await app.close();
  return routes;
}

describe('request bodies', () => {
  it('refuse undeclared fields on every route, but for the objects open on purpose', async () => {
    const routes = await registeredRoutes();
    const open: string[] = [];
    let bodies = 0;
    for (const route of routes) {
      const body = route.schema?.body;
      if (body === undefined) continue;
      bodies++;
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      for (const method of methods) openObjects(body, `${method} ${route.url} body`, open);
    }
    expect(bodies).toBeGreaterThan(80);
    expect(open.filter((path) => !(path in OPEN_ON_PURPOSE))).toEqual([]);
    // An exception that no longer exists leaves the list.
    expect(Object.keys(OPEN_ON_PURPOSE).filter((path) => !open.includes(path))).toEqual([]);
  });

  it('closes nested objects, list items and union branches, and leaves what a schema says of its own', () => {
    const schema = {
      type: 'object',
      properties: {
        lines: { type: 'array', items: { type: 'object', properties: { ref: { type: 'string' } } } },
        either: { anyOf: [{ type: 'object', properties: { a: { type: 'string' } } }, { type: 'null' }] },
        open: { type: 'object', properties: {}, additionalProperties: true },
        map: { type: 'object', patternProperties: { '^.*$': { type: 'string' } } },
        both: { allOf: [{ type: 'object', properties: { a: { type: 'string' } } }] },
      },
    };
    const closed = closedSchema(schema);
    const closedAt = (...path: (string | number)[]) => at(closed, ...path, 'additionalProperties');
    expect(closedAt()).toBe(false);
    expect(closedAt('properties', 'lines', 'items')).toBe(false);
    expect(closedAt('properties', 'either', 'anyOf', 0)).toBe(false);
    expect(closedAt('properties', 'open')).toBe(true);
    expect(closedAt('properties', 'map')).toBeUndefined();
    // The branches of an allOf are checked one by one: closing one would refuse the others' fields.
    expect(closedAt('properties', 'both', 'allOf', 0)).toBeUndefined();
    // A copy: the schema a route shares with its response and the docs is left as it was.
    expect(schema).not.toHaveProperty('additionalProperties');
  });
});
