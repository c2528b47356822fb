/**
 * Issue 19 Done-when 4, mail: a real SMTP server in the test process (smtp-server) receives what
 * the app sends through nodemailer, read back with mailparser. Two people, one reading Chinese and
 * one English: activity on the board makes inbox items, which arrive batched (one mail holding
 * several), in each person's language, with HTML and text parts; a second batch waits out the
 * interval (the mail clock is driven, nothing sleeps); the RFC 8058 one-click link works without
 * a session and stops that kind; and after a restart on the same database what was queued is
 * sent once and nothing already sent goes again.
 */
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '#server/app';
import type { PublicUser } from '#server/auth/AuthService';
import type { Config } from '#server/config';
import { withMailUnsubscribe } from '#server/mail/unsubscribeRoute';
import * as unsubscribePage from '#src/routes/mail/unsubscribe/+page.server';
import { openSqlitePersistence } from '#server/persistence/sqlitePersistence';
import { svelteRoutes } from '../helpers/svelteRoutes';
import { RecordingLogger, tempDir, testConfig, waitFor } from '../helpers/syncHarness';

// The page a mail's per-kind link opens; its button posts the page's own form action.
const ROUTES = svelteRoutes([
  { method: 'POST', path: /^\/mail\/unsubscribe$/, params: [], run: unsubscribePage.actions }
]);

const MINUTE = 60_000;

/** A header as sent (mailparser folds the List-* headers into one parsed object). */
const rawHeader = (mail: ParsedMail, key: string) =>
  mail.headerLines.find((h) => h.key === key)?.line.replace(/^[^:]+:\s*/, '') ?? '';
const PUBLIC_URL = 'http://stageboard.test';

describe('inbox items as batched mail over a real SMTP server', () => {
  const tmp = tempDir();
  const inbox: ParsedMail[] = [];
  let smtp: SMTPServer;
  let config: Config;
  let server: RunningServer;
  let clock = Date.UTC(2026, 11, 8, 9, 0);
  let boardId: string;
  let wang: PublicUser;
  let alice: PublicUser;
  let bo: PublicUser;

  const start = async () => {
    const handler = withMailUnsubscribe(ROUTES, () => running.services);
    const running: RunningServer = await startServer({
      config,
      persistence: openSqlitePersistence(config),
      log: new RecordingLogger(),
      handler,
      // The pass is run by the test; the timer is set long so it never runs on its own.
      mail: { now: () => clock, intervalMs: 24 * 60 * MINUTE }
    });
    return running;
  };
  const mailsTo = (user: PublicUser) =>
    inbox.filter((m) => m.to && 'text' in m.to && m.to.text.includes(user.email));
  const pending = (user: PublicUser) => server.services.mail.pending(user.id);

  /** What the room hooks would record for a person's edit: an assignment, a comment naming someone. */
  const assign = (actor: PublicUser, cardId: string, title: string, member: PublicUser) =>
    server.services.activity.record(boardId, actor.id, [
      { kind: 'card.assigned', cardId, data: { title, memberId: member.id } }
    ]);
  let comments = 0;
  const mention = (actor: PublicUser, cardId: string, title: string, member: PublicUser, excerpt: string) =>
    server.services.activity.record(boardId, actor.id, [
      {
        kind: 'comment.added',
        cardId,
        data: { title, commentId: `m${++comments}`, excerpt, mentions: [member.id] }
      }
    ]);
  /** Runs passes until `count` mails have arrived in all (delivery into the SMTP server is asynchronous). */
  const passUntil = (count: number) =>
    waitFor(`${count} mails at the SMTP server`, async () => {
      await server.services.mail.pass();
      return inbox.length >= count;
    });

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then((mail) => {
            inbox.push(mail);
            callback();
          })
          .catch(callback);
      }
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const { port } = smtp.server.address() as AddressInfo;
    config = testConfig(tmp.dir, {
      publicUrl: PUBLIC_URL,
      mail: {
        smtpUrl: `smtp://127.0.0.1:${port}`,
        from: 'Stageboard <noreply@stageboard.test>',
        batchMinutes: 10
      }
    });
    server = await start();
    const { auth, boards, members, mail } = server.services;
    const signUp = async (email: string, name: string) =>
      (await auth.signUp({ email, password: 'a long enough password', name })).user;
    wang = await signUp('wang@stageboard.test', '王经理');
    await auth.setOpenSignup(wang, true);
    alice = await signUp('alice@stageboard.test', 'Alice');
    bo = await signUp('bo@stageboard.test', '李博');
    boardId = (await boards.create({ title: '双十一', creatorId: wang.id })).id;
    await members.add(wang.id, boardId, { email: alice.email, role: 'editor' });
    await members.add(wang.id, boardId, { email: bo.email, role: 'editor' });
    // Alice reads English; 李博 never saved a choice, so his mail is in Chinese.
    await mail.saveSettings(alice.id, { language: 'en', muted: [] });
  });

  afterAll(async () => {
    await server.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    tmp.cleanup();
  });

  it('sends each person one mail holding what arrived, in their language, HTML and text', async () => {
    await assign(wang, 'c1', 'Launch poster', alice);
    await mention(wang, 'c1', 'Launch poster', alice, 'please check the colours');
    await assign(wang, 'c2', '门店物料', bo);
    await mention(wang, 'c2', '门店物料', bo, '易拉宝明天到');
    await waitFor('four items queued', async () => (await pending(alice)) === 2 && (await pending(bo)) === 2);
    await passUntil(2);
    expect(inbox).toHaveLength(2);
    const [toAlice] = mailsTo(alice);
    const [toBo] = mailsTo(bo);
    expect(toAlice!.subject).toBe(
      '[Stageboard] 2 new notifications: 王经理 mentioned you on “Launch poster”, and more'
    );
    expect(toAlice!.text).toContain('王经理 assigned you to “Launch poster”');
    expect(toAlice!.text).toContain('please check the colours');
    expect(toAlice!.html).toContain('Open your inbox');
    expect(toBo!.subject).toBe('【Stageboard】2 条新通知：王经理 在「门店物料」中提到了你 等');
    expect(toBo!.text).toContain('王经理 把「门店物料」指派给了你');
    expect(toBo!.html).toContain('打开收件箱');
    expect(toBo!.from?.text).toContain('noreply@stageboard.test');
    expect(rawHeader(toBo!, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(rawHeader(toBo!, 'list-unsubscribe')).toMatch(
      /^<http:\/\/stageboard\.test\/api\/mail\/unsubscribe\?token=/
    );
    expect(toBo!.text).toContain(`${PUBLIC_URL}/boards/${boardId}?card=c2`);
  });

  it('holds a person’s next items until the batch interval has passed, then sends them together', async () => {
    clock += MINUTE;
    await mention(wang, 'c1', 'Launch poster', alice, 'one more thing');
    await mention(bo, 'c1', 'Launch poster', alice, 'and from me');
    await waitFor('the mentions queued', async () => (await pending(alice)) === 2);
    clock += 5 * MINUTE;
    expect(await server.services.mail.pass()).toBe(0);
    clock += 5 * MINUTE;
    await passUntil(3);
    const latest = mailsTo(alice).at(-1)!;
    expect(latest.subject).toContain('2 new notifications');
    expect(latest.text).toContain('one more thing');
    expect(latest.text).toContain('and from me');
  });

  it('stops a kind through the one-click link, without signing in, and refuses a forged link', async () => {
    const header = rawHeader(mailsTo(alice).at(-1)!, 'list-unsubscribe');
    const link = /<([^>]+)>/.exec(header)![1]!.replace(PUBLIC_URL, server.url);
    const post = (url: string) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click'
      });
    expect((await post(link)).status).toBe(200);
    const forged = link.replace(/token=([^.]+)\./, (_m, body: string) => `token=${body}x.`);
    expect((await post(forged)).status).toBe(400);
    expect((await server.services.mail.settingsFor(alice.id, 'zh-CN')).muted).toEqual(['mention']);

    clock += 11 * MINUTE;
    await mention(wang, 'c1', 'Launch poster', alice, 'muted now');
    await assign(bo, 'c3', 'Press kit', alice);
    // The mention is not queued at all: only the assignment waits.
    await waitFor('Alice’s assignment queued', async () => (await pending(alice)) === 1);
    expect((await server.services.inbox.list(alice.id)).items).toHaveLength(6);
    await passUntil(4);
    const latest = mailsTo(alice).at(-1)!;
    expect(latest.subject).toBe('[Stageboard] 李博 assigned you to “Press kit”');
    expect(latest.text).not.toContain('muted now');
  });

  it('stops one kind through the link in the mail’s body, from its page, without signing in', async () => {
    const body = mailsTo(bo).at(-1)!.text!;
    const link = /(http:\/\/stageboard\.test\/mail\/unsubscribe\?token=\S+)/.exec(
      body.split('\n').find((l) => l.startsWith('不再接收「指派」邮件'))!
    )![1]!;
    const token = new URL(link).searchParams.get('token')!;
    const response = await fetch(`${server.url}/mail/unsubscribe`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url },
      body: new URLSearchParams({ token })
    });
    expect(response.status).toBe(200);
    expect((await server.services.mail.settingsFor(bo.id, 'zh-CN')).muted).toEqual(['assigned']);
    // Turned on again for the restart test below, as the settings page would.
    await server.services.mail.saveSettings(bo.id, { language: 'zh-CN', muted: [] });
  });

  it('sends what was queued before a restart once, and nothing already sent again', async () => {
    clock += 11 * MINUTE;
    await assign(wang, 'c4', '复盘会', bo);
    await waitFor('李博’s new item queued', async () => (await pending(bo)) === 1);
    await server.close();
    server = await start();
    const before = inbox.length;
    await passUntil(before + 1);
    expect(await server.services.mail.pass()).toBe(0);
    clock += 60 * MINUTE;
    expect(await server.services.mail.pass()).toBe(0);
    expect(inbox).toHaveLength(before + 1);
    expect(inbox.at(-1)!.subject).toBe('【Stageboard】王经理 把「复盘会」指派给了你');
    expect(inbox.filter((m) => m.subject?.includes('门店物料'))).toHaveLength(1);
  });
});
