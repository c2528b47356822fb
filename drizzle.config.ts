import { defineConfig } from 'drizzle-kit';

// Only `generate` is used: migrations are applied by the server itself at start (SqliteDocStore.open).
export default defineConfig({
  dialect: 'sqlite',
  schema: './server/store/schema.ts',
  out: './drizzle'
});
