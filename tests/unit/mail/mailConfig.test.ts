/**
 * Mail settings in the environment are checked together at start, each refusal naming the
 * variable and what to write; without SMTP_URL mail is simply off.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '#server/config';

const base = { DATA_DIR: '/tmp/stageboard-config-test' };
const mail = {
  SMTP_URL: 'smtp://u:p@mail.example.com:587',
  MAIL_FROM: 'Stageboard <noreply@example.com>',
  PUBLIC_URL: 'https://board.example.com/'
};

describe('mail configuration', () => {
  it('is off without SMTP_URL', () => {
    expect(loadConfig(base).mail).toBeNull();
  });

  it('reads SMTP_URL, MAIL_FROM, PUBLIC_URL (without its trailing slash) and a 10-minute batch by default', () => {
    const config = loadConfig({ ...base, ...mail });
    expect(config.mail).toEqual({ smtpUrl: mail.SMTP_URL, from: mail.MAIL_FROM, batchMinutes: 10 });
    expect(config.publicUrl).toBe('https://board.example.com');
    expect(loadConfig({ ...base, ...mail, MAIL_BATCH_MINUTES: '30' }).mail?.batchMinutes).toBe(30);
  });

  it('refuses what would fail later, naming the variable', () => {
    const refused = (env: Record<string, string>) => () => loadConfig({ ...base, ...mail, ...env });
    expect(refused({ SMTP_URL: 'mail.example.com' })).toThrow(/SMTP_URL/);
    expect(refused({ SMTP_URL: 'http://mail.example.com' })).toThrow(/smtp:\/\//);
    expect(refused({ MAIL_FROM: '' })).toThrow(/MAIL_FROM/);
    expect(refused({ MAIL_FROM: 'Stageboard' })).toThrow(ConfigError);
    expect(refused({ PUBLIC_URL: '' })).toThrow(/PUBLIC_URL/);
    expect(refused({ PUBLIC_URL: 'ftp://x' })).toThrow(/PUBLIC_URL/);
    expect(refused({ MAIL_BATCH_MINUTES: '0' })).toThrow(/MAIL_BATCH_MINUTES/);
  });
});
