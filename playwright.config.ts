import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/chromium';
import { ADMIN_STATE } from './tests/e2e/helpers';
import { PROCESS_ENV } from './server/processEnv';

const PORT = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 5_000 },
  // Two cores: the server, the browser and the test runner share them.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: 'list',
  projects: [
    // Signs up the install's first account (the administrator) on the fresh database.
    { name: 'setup', testMatch: /admin\.setup\.ts$/ },
    // Every other test starts signed in as that administrator, who owns the boards it creates.
    { name: 'chromium', dependencies: ['setup'], use: { storageState: ADMIN_STATE } }
  ],
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: 'en-US',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS
    }
  },
  webServer: {
    // The real server exactly as `npm start` runs it, on a fresh database of its own.
    command: 'rm -rf test-results/e2e-data && npm run build && node build-server/index.js',
    url: `http://localhost:${PORT}/healthz`,
    timeout: 180_000,
    reuseExistingServer: false,
    // A 1 MiB attachment limit keeps the oversized-upload test small. Every test signs its people
    // up from this one machine, past the per-address sign-up limit a real office would meet.
    env: {
      ...PROCESS_ENV,
      PORT: String(PORT),
      DATA_DIR: 'test-results/e2e-data',
      SEED_DEMO: 'true',
      LOG_LEVEL: 'warn',
      ATTACHMENT_MAX_BYTES: String(1024 * 1024),
      SIGNUPS_PER_ADDRESS_HOUR: '100000',
      // The integrations spec's webhook receiver listens on this machine.
      OUTBOUND_ALLOW_HOSTS: '127.0.0.1',
      // Its failing receiver turns a hook off in a second, not an hour.
      OUTBOUND_RETRY_DELAYS_MS: '100,100',
      OUTBOUND_DISABLE_AFTER: '1'
    },
    stdout: 'ignore',
    stderr: 'pipe'
  }
});
