/**
 * Where the project's files are, found from this module's place one folder below the project root.
 * `npm start` runs server/ bundled into build-server/index.js (package.json's build:server), also
 * one folder down, so the same relative path holds there; a bundle written elsewhere must keep
 * that depth.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
/** SvelteKit's adapter-node output, from `vite build`. */
export const SVELTEKIT_HANDLER = path.join(PROJECT_ROOT, 'build', 'handler.js');
/** drizzle-kit's SQL migrations, applied at start. */
export const MIGRATIONS_FOLDER = path.join(PROJECT_ROOT, 'drizzle');
