/**
 * /api/openapi.json, generated from the v1 routes' own declarations (apiRoute.ts): the route
 * modules are handed in (the route's `import.meta.glob`), each exported handler's `api` spec
 * gives its operation, zod's native `z.toJSONSchema` (JSON Schema 2020-12, which OpenAPI 3.1
 * uses as is) its schemas. Nothing here names a route.
 */
import { z } from 'zod';
import { apiSpecOf } from './apiRoute';
import { ApiError } from './schemas';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
type JsonSchema = { properties?: Record<string, object>; required?: string[]; [key: string]: unknown };

/** '/src/routes/api/v1/boards/[id]/+server.ts' → '/api/v1/boards/{id}'. */
export function openApiPath(file: string): string {
  const route = file.replace(/^.*\/src\/routes/, '').replace(/\/\+server\.ts$/, '');
  return route.replace(/\[([^\]]+)\]/g, '{$1}');
}

function schemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query'): object[] {
  if (!schema) return [];
  const { properties = {}, required = [] } = schemaOf(schema, 'input');
  return Object.entries(properties).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || required.includes(name),
    schema: s
  }));
}

const refusal = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } }
});

/** Every refusal a v1 route can answer, whatever it does (the grant check, the schemas, the board's rules). */
const REFUSALS = {
  '400': refusal(
    'The params, query or body do not fit the route (`invalid-request`, with `issues`); not JSON.'
  ),
  '401': refusal('No valid token: `token-invalid` (unknown, revoked), `token-expired`, `sign-in-required`.'),
  '403': refusal(
    '`token-read-only`, `forbidden` (role), or the update policy: `read-only`, `server-only`, `not-author`.'
  ),
  '404': refusal('No such board, card, stage or item (`not-found`).'),
  '409': refusal('The board says not now: `gate-closed`, `exit-restricted`, `requirements-unmet`, …'),
  '413': refusal('The body, or the document it would make, is too large (`too-large`).'),
  '422': refusal('A value the board does not take (`invalid`).')
};

/** The OpenAPI 3.1 document of the routes in `modules` (file path → module). */
export function buildOpenApi(modules: Record<string, Record<string, unknown>>, version: string): object {
  const paths: Record<string, Record<string, object>> = {};
  for (const file of Object.keys(modules).sort()) {
    const path = openApiPath(file);
    for (const method of METHODS) {
      const spec = apiSpecOf(modules[file]?.[method]);
      if (!spec) continue;
      const operation: Record<string, unknown> = {
        operationId: `${method.toLowerCase()}${path.replace(/[{}]/g, '').replace(/\/(\w)/g, (_, c: string) => c.toUpperCase())}`,
        summary: spec.summary,
        description: spec.description,
        tags: [path.split('/')[5] ?? 'boards'],
        'x-requires': spec.requires,
        parameters: [...parameters(spec.params, 'path'), ...parameters(spec.query, 'query')],
        responses: {
          [String(spec.status ?? 200)]: {
            description: 'Done.',
            content: { 'application/json': { schema: schemaOf(spec.response, 'output') } }
          },
          ...REFUSALS
        }
      };
      if (spec.body) {
        operation.requestBody = {
          required: true,
          content: { 'application/json': { schema: schemaOf(spec.body, 'input') } }
        };
      }
      (paths[path] ??= {})[method.toLowerCase()] = operation;
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Stageboard REST API',
      version,
      description:
        'Boards, cards, moves, comments and checklists with a personal access token. Every write ' +
        'goes through the same rules as the board itself (roles, gates, required fields); a read ' +
        'token acts as a viewer. See docs/api.md.'
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'A personal access token (`sbp_…`) made on the account page.'
        }
      },
      schemas: { Error: schemaOf(ApiError, 'output') }
    }
  };
}
