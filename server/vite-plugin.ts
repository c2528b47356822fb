import type { Server } from 'node:http';
import type { Plugin, ViteDevServer } from 'vite';
import type { RunningServices } from './lifecycle';

/**
 * `npm run dev` as one process: the same store, rooms and sync endpoint as `npm start`, attached
 * to Vite's own HTTP server (Vite keeps its HMR socket; attachSync only takes /sync/ paths).
 * Everything is imported inside the hook: vite.config.ts is bundled for every vite and vitest run,
 * and must neither load better-sqlite3 nor drag the whole server into that bundle.
 */
export function stageboardDevServer(): Plugin {
  let running: RunningServices | null = null;
  let vite: ViteDevServer | null = null;
  // Vite stops cleanly on SIGTERM, `q` and the end of stdin, but Ctrl-C would end the process
  // before the services stop: close the server the way Vite's SIGTERM does. A second one exits.
  let interrupted = false;
  const onInterrupt = (): void => {
    if (interrupted || !vite) process.exit(130);
    interrupted = true;
    void vite.close().finally(() => process.exit(130));
  };
  return {
    name: 'stageboard-dev-server',
    apply: 'serve',
    async configureServer(server) {
      // vitest loads vite.config.ts too; tests start their own servers on port 0.
      if (process.env.VITEST || !server.httpServer) return;
      // tsx loads the server from source, as TypeScript, inside Vite's own process.
      const { tsImport } = await import('tsx/esm/api');
      const mod = (await tsImport('./devServices.ts', import.meta.url)) as typeof import('./devServices');
      running = await mod.startDevServices(server.httpServer as Server);
      vite = server;
      process.on('SIGINT', onInterrupt);
      // Uploads stream in before SvelteKit's middleware, as in `npm start` (attachments/uploadRoute.ts).
      // Added here, not in a returned hook, so it runs ahead of Vite's and SvelteKit's own.
      const uploads = (await tsImport(
        './attachments/uploadRoute.ts',
        import.meta.url
      )) as typeof import('./attachments/uploadRoute');
      server.middlewares.use(uploads.withAttachmentUploads(undefined));
      // The one-click unsubscribe comes from mail providers, past SvelteKit's CSRF check (mail/unsubscribeRoute.ts).
      const unsubscribe = (await tsImport(
        './mail/unsubscribeRoute.ts',
        import.meta.url
      )) as typeof import('./mail/unsubscribeRoute');
      server.middlewares.use(unsubscribe.withMailUnsubscribe(undefined));
      // Board files are larger than adapter-node's body cap, as uploads are (transfer/importRoute.ts).
      const imports = (await tsImport(
        './transfer/importRoute.ts',
        import.meta.url
      )) as typeof import('./transfer/importRoute');
      server.middlewares.use(imports.withBoardImport(undefined));
    },
    // Awaited by Vite after its HTTP server has closed, before it exits or restarts.
    async closeServer() {
      process.off('SIGINT', onInterrupt);
      const stopping = running;
      running = null;
      vite = null;
      await stopping?.stop();
    }
  };
}
