import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { declaredRequirement } from '#server/http/route';
import { ROUTE_MATRIX } from '../../e2e/routeMatrix';

/**
 * Every way into the server through SvelteKit declares what it requires, with the wrapper that
 * enforces it (server/http/route.ts): each HTTP method handler a `+server.ts` exports, each
 * form action and each server `load`. Found by walking src/routes, so a new route without a
 * declaration fails here, and so does one the permission matrix (tests/e2e/routeMatrix.ts,
 * sent as every kind of caller by route-matrix.spec.ts) does not know.
 */
const ROUTES = path.resolve(import.meta.dirname, '../../../src/routes');
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'fallback'];
/** Exports SvelteKit reads that are settings, not entry points. */
const PAGE_OPTIONS = ['prerender', 'ssr', 'csr', 'trailingSlash', 'config', 'entries'];

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return walk(full);
    return /^\+(server|page\.server|layout\.server)\.ts$/.test(entry.name) ? [full] : [];
  });
}

/** `/api/boards/[id]` for src/routes/api/boards/[id]/+server.ts. */
const routeId = (file: string) => `/${path.relative(ROUTES, path.dirname(file)).split(path.sep).join('/')}`;

/** Every entry point as `<key>` → the function behind it. */
async function entryPoints(): Promise<Map<string, unknown>> {
  const found = new Map<string, unknown>();
  for (const file of walk(ROUTES)) {
    const id = routeId(file).replace(/^\/$/, '/');
    const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (METHODS.includes(name)) found.set(`${name} ${id}`, value);
      else if (name === 'load') found.set(`LOAD ${id}`, value);
      else if (name === 'actions') {
        for (const [action, fn] of Object.entries(value as Record<string, unknown>)) {
          found.set(`ACTION ${id}?/${action}`, fn);
        }
      } else if (!PAGE_OPTIONS.includes(name)) {
        found.set(`UNKNOWN EXPORT ${name} of ${id}`, value);
      }
    }
  }
  return found;
}

describe('route declarations', () => {
  it('finds the route tree (a walk that finds nothing would pass everything)', async () => {
    const found = await entryPoints();
    expect(found.size).toBeGreaterThan(30);
    expect(found.has('PATCH /api/templates/[id]')).toBe(true);
    expect(found.has('ACTION /?/rename')).toBe(true);
  });

  it('every handler, form action and server load declares what it requires, through the wrapper that enforces it', async () => {
    const undeclared = [...(await entryPoints())]
      .filter(([, fn]) => typeof fn !== 'function' || declaredRequirement(fn) === undefined)
      .map(([key]) => key);
    expect(undeclared).toEqual([]);
  });

  it('the permission matrix sends every declared route, under the requirement it declares', async () => {
    const declared = Object.fromEntries(
      [...(await entryPoints())].map(([key, fn]) => [key, declaredRequirement(fn) ?? 'none'])
    );
    const inMatrix = Object.fromEntries(Object.entries(ROUTE_MATRIX).map(([key, c]) => [key, c.requires]));
    expect(inMatrix).toEqual(declared);
  });

  it('a bare function is not a declaration', () => {
    expect(declaredRequirement(() => new Response())).toBeUndefined();
    expect(declaredRequirement(Object.assign(() => 1, { requires: 'anything' }))).toBeUndefined();
  });
});
