/**
 * /api/openapi.json is generated from the v1 routes' declarations (server/api/apiRoute.ts) and is
 * a valid OpenAPI 3.1 document: a walk of src/routes/api/v1 fails when a handler is missing from
 * it, or was written without the schema'd wrapper, as routeDeclarations.test.ts fails for a
 * route without a requirement.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { apiSpecOf } from '#server/api/apiRoute';
import { openApiPath } from '#server/api/openapi';
import { GET } from '#src/routes/api/openapi.json/+server';

const V1 = path.resolve(import.meta.dirname, '../../../src/routes/api/v1');
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return walk(full);
    return entry.name === '+server.ts' ? [full] : [];
  });
}

type OpenApi = {
  openapi: string;
  paths: Record<string, Record<string, { security?: unknown; responses: object }>>;
};

async function fetchDocument(): Promise<OpenApi> {
  const url = new URL('http://localhost/api/openapi.json');
  const event = { request: new Request(url), url, params: {}, locals: { user: null, token: null } };
  const response = await GET(event as never);
  expect(response.status).toBe(200);
  return (await response.json()) as OpenApi;
}

describe('the OpenAPI document', () => {
  it('validates as OpenAPI 3.1 with a maintained validator', async () => {
    const document = await fetchDocument();
    expect(document.openapi).toBe('3.1.0');
    const result = await new Validator().validate(document as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('has every handler under src/routes/api/v1, each declared with its schemas', async () => {
    const document = await fetchDocument();
    const files = walk(V1);
    expect(files.length).toBeGreaterThanOrEqual(8);
    const missing: string[] = [];
    let handlers = 0;
    for (const file of files) {
      const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      const route = openApiPath(
        `/src/routes/${path.relative(path.resolve(V1, '../..'), file).split(path.sep).join('/')}`
      );
      for (const method of METHODS.filter((m) => m in mod)) {
        handlers++;
        if (!apiSpecOf(mod[method])) missing.push(`${method} ${route} (not made with apiRoute)`);
        else if (!document.paths[route]?.[method.toLowerCase()]) missing.push(`${method} ${route}`);
      }
    }
    expect(handlers).toBeGreaterThanOrEqual(12);
    expect(missing).toEqual([]);
  });

  it('documents the bearer scheme and the one error shape on every operation', async () => {
    const document = (await fetchDocument()) as OpenApi & { components: { securitySchemes: object } };
    expect(document.components.securitySchemes).toHaveProperty('bearer.scheme', 'bearer');
    for (const operations of Object.values(document.paths)) {
      for (const op of Object.values(operations)) {
        expect(Object.keys(op.responses)).toEqual(
          expect.arrayContaining(['400', '401', '403', '404', '409', '422'])
        );
      }
    }
  });
});
