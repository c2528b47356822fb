import type { Server } from 'node:http';
import type { Plugin } from 'vite';

/**
 * `npm run dev` as one process: the same store, rooms and sync endpoint as `npm start`, attached
 * to Vite's own HTTP server (Vite keeps its HMR socket; attachSync only takes /sync/ paths).
 * Everything is imported inside the hook: vite.config.ts is bundled for every vite and vitest run,
 * and must neither load better-sqlite3 nor drag the whole server into that bundle.
 */
export function stageboardDevServer(): Plugin {
  return {
    name: 'stageboard-dev-server',
    apply: 'serve',
    async configureServer(server) {
      // vitest loads vite.config.ts too; tests start their own servers on port 0.
      if (process.env.VITEST || !server.httpServer) return;
      // tsx loads the server from source exactly as `npm start` does.
      const { tsImport } = await import('tsx/esm/api');
      const mod = (await tsImport('./devServices.ts', import.meta.url)) as typeof import('./devServices');
      await mod.startDevServices(server.httpServer as Server);
      // Uploads stream in before SvelteKit's middleware, as in `npm start` (attachments/uploadRoute.ts).
      // Added here, not in a returned hook, so it runs ahead of Vite's and SvelteKit's own.
      const uploads = (await tsImport(
        './attachments/uploadRoute.ts',
        import.meta.url
      )) as typeof import('./attachments/uploadRoute');
      server.middlewares.use(uploads.withAttachmentUploads(undefined));
    }
  };
}
