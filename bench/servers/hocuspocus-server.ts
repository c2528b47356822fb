/**
 * Hocuspocus as the benchmark runs it, in a process of its own: the stock Server with its SQLite
 * extension and default settings (debounce 2 s, maxDebounce 10 s). Env: PORT, DB_FILE.
 */
import { SQLite } from '@hocuspocus/extension-sqlite';
import { Server } from '@hocuspocus/server';

const port = Number(process.env.PORT ?? '1234');
const database = process.env.DB_FILE ?? ':memory:';

const server = new Server({
  port,
  address: '127.0.0.1',
  quiet: true,
  extensions: [new SQLite({ database })]
});

await server.listen();
