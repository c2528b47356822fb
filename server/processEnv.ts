/**
 * Environment the server process should be started with. glibc reads it before any JavaScript
 * runs, so it has to come from whoever starts the process: package.json's `start` and `serve`
 * (which repeat the value, as npm scripts cannot import; a test keeps them equal), the browser
 * tests' web server and the bench's launcher.
 *
 * Each password hash (scrypt, server/auth/passwords.ts) allocates one 16 MiB block on a libuv
 * thread. After the first such block is freed, glibc raises its mmap threshold past 16 MiB, so
 * later blocks come from per-thread arenas and stay there: with four threads, five sign-ups left
 * the idle server at 208 MB instead of 136 MB (December 2026). A fixed 8 MiB threshold gives those
 * blocks back as soon as a hash is done; allocations below 8 MiB are served as before.
 */
export const PROCESS_ENV = { MALLOC_MMAP_THRESHOLD_: String(8 * 1024 * 1024) } as const;

/** Names in PROCESS_ENV this process was started without; none off Linux, where glibc is not asked. */
export function missingProcessEnv(
  env: Record<string, string | undefined> = process.env,
  platform: NodeJS.Platform = process.platform
): string[] {
  if (platform !== 'linux') return [];
  return Object.keys(PROCESS_ENV).filter((name) => env[name] === undefined);
}
