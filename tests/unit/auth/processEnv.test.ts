import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROCESS_ENV, missingProcessEnv } from '#server/processEnv';

const scripts = (
  JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts;

describe('the environment the server starts with', () => {
  // npm scripts cannot import PROCESS_ENV, so they repeat it; this keeps the copies equal.
  it.each(['start', 'serve'])('package.json "%s" sets every PROCESS_ENV entry to its value', (name) => {
    for (const [key, value] of Object.entries(PROCESS_ENV)) {
      expect(scripts[name]).toContain(`${key}=${value} `);
    }
  });

  it('names what a Linux process was started without, and nothing elsewhere', () => {
    expect(missingProcessEnv({}, 'linux')).toEqual(Object.keys(PROCESS_ENV));
    expect(missingProcessEnv({ ...PROCESS_ENV }, 'linux')).toEqual([]);
    expect(missingProcessEnv({}, 'darwin')).toEqual([]);
  });
});
