/**
 * Request bodies refuse the fields they do not declare (400, one sentence per field:
 * validation-words.ts): a misspelt field (`{"rolle": "collector"}`) answered 200 with nothing
 * changed. Rather than each route remembering `additionalProperties: false` on each object (most
 * did not), every object of a route's body gets it when it says nothing of its own: a schema that
 * sets `additionalProperties` (an object open on purpose, a map) or `patternProperties` keeps it.
 * Query strings stay open: every route reads `?lang=` declared or not (reader-lang.ts), and the web
 * app adds a reload counter (`?v=`) to some reads. Must run before any route is added
 * (`registerAllRoutes`); `closed-schemas.test.ts` walks the registered routes.
 */
import type { FastifyInstance } from 'fastify';

type SchemaNode = Record<string | symbol, unknown>;

const isNode = (value: unknown): value is SchemaNode =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `schema` with each of its objects closed, as a copy: route schemas are shared with responses and the docs. */
export function closedSchema(schema: unknown): unknown {
  if (!isNode(schema)) return schema;
  const node: SchemaNode = { ...schema };
  const properties = node['properties'];
  if (isNode(properties))
    node['properties'] = Object.fromEntries(
      Object.entries(properties).map(([name, child]) => [name, closedSchema(child)]),
    );
  const items = node['items'];
  if (items !== undefined)
    node['items'] = Array.isArray(items) ? items.map(closedSchema) : closedSchema(items);
  // Each branch of a union is the whole object; the branches of an `allOf` are checked one by one
  // against the whole object, so closing one would refuse the fields of the others: left as they are.
  for (const key of ['anyOf', 'oneOf'])
    if (Array.isArray(node[key])) node[key] = (node[key] as unknown[]).map(closedSchema);
  const isObject = node['type'] === 'object' || (node['type'] === undefined && isNode(properties));
  const saysOwn = ['additionalProperties', 'patternProperties', 'unevaluatedProperties'].some(
    (key) => node[key] !== undefined,
  );
  if (isObject && !saysOwn) node['additionalProperties'] = false;
  return node;
}

/** Closes the body of every route added after this call. */
export function closeRequestBodies(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (route.schema?.body !== undefined) route.schema.body = closedSchema(route.schema.body);
  });
}
