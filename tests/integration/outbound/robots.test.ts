/**
 * Group-chat robots end to end: a real server over a real SQLite file posts to a local server
 * that stands in for 企业微信, 钉钉 and 飞书 and checks each request exactly as the platform
 * documents it: the message shape, and for 钉钉 and 飞书 the 加签 signature and a timestamp within
 * an hour (a wrong or stale one is answered 200 with the platform's error code, as they do).
 * Messages for a card waiting for approval, a send-back, an overdue card and the weekly digest
 * arrive in each robot's language, zh-CN and en.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addCard, assignCard, moveCard, readStages, setCardDate } from '#lib/board';
import type { Locale } from '#lib/i18n/locale';
import type { RobotKind } from '#lib/outbound/types';
import type { PublicUser } from '#server/auth/AuthService';
import { chinaDay } from '#server/outbound/weeklyDigest';
import { dingtalkSign, feishuSign } from '#server/outbound/signing';
import {
  connectClient,
  startTestServer,
  tempDir,
  waitFor,
  type TestClient,
  type TestServer
} from '../helpers/syncHarness';
import { added, deliveryLog } from './integrationsApi';
import { startReceiver, type Answer, type Receiver, type Received } from './receiver';

const HOUR_MS = 3600_000;
const DING_SECRET = 'SEC0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcd';
const FEISHU_SECRET = 'feishu-robot-secret-000';

/** What the stand-in platform took: the robot (its path), and the message's text. */
interface Taken {
  robot: string;
  kind: RobotKind;
  text: string;
}

/** 钉钉: sign = base64(HmacSHA256(key = secret, message = timestamp + "\n" + secret)), timestamp in ms. */
function dingtalkOk(url: URL): boolean {
  const timestamp = url.searchParams.get('timestamp') ?? '';
  const sign = url.searchParams.get('sign') ?? '';
  if (!/^\d{13}$/.test(timestamp) || Math.abs(Date.now() - Number(timestamp)) > HOUR_MS) return false;
  const expected = createHmac('sha256', DING_SECRET).update(`${timestamp}\n${DING_SECRET}`).digest('base64');
  return sign === expected;
}

/** 飞书: sign = base64(HmacSHA256(key = timestamp + "\n" + secret, message = "")), timestamp in seconds. */
function feishuOk(body: Record<string, unknown>): boolean {
  const timestamp = String(body.timestamp ?? '');
  if (!/^\d{10}$/.test(timestamp) || Math.abs(Date.now() / 1000 - Number(timestamp)) > 3600) return false;
  const expected = createHmac('sha256', `${timestamp}\n${FEISHU_SECRET}`).update('').digest('base64');
  return body.sign === expected;
}

/** Answers as each platform does, and keeps the text of each message it took. */
function platform(taken: Taken[]): (req: Received) => Answer {
  return (req) => {
    const url = new URL(req.path, 'http://robots.local');
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(req.body) as Record<string, unknown>;
    } catch {
      return { status: 400 };
    }
    const [, kind] = url.pathname.split('/') as [string, RobotKind];
    if (kind === 'wecom') {
      const key = url.searchParams.get('key');
      const md = body.markdown as { content?: unknown } | undefined;
      if (url.pathname !== '/wecom/cgi-bin/webhook/send' || !key)
        return { status: 200, body: { errcode: 93000, errmsg: 'invalid webhook url' } };
      if (
        body.msgtype !== 'markdown' ||
        typeof md?.content !== 'string' ||
        Buffer.byteLength(md.content) > 4096
      ) {
        return { status: 200, body: { errcode: 40008, errmsg: 'invalid message type' } };
      }
      taken.push({ robot: key, kind, text: md.content });
      return { status: 200, body: { errcode: 0, errmsg: 'ok' } };
    }
    if (kind === 'dingtalk') {
      if (!dingtalkOk(url)) return { status: 200, body: { errcode: 310000, errmsg: 'sign not match' } };
      const md = body.markdown as { title?: unknown; text?: unknown } | undefined;
      if (body.msgtype !== 'markdown' || typeof md?.title !== 'string' || typeof md.text !== 'string') {
        return { status: 200, body: { errcode: 40035, errmsg: '缺少参数 markdown' } };
      }
      taken.push({
        robot: url.searchParams.get('access_token') ?? '',
        kind,
        text: `${md.title}\n${md.text}`
      });
      return { status: 200, body: { errcode: 0, errmsg: 'ok' } };
    }
    if (kind === 'feishu') {
      if (!feishuOk(body)) {
        return {
          status: 200,
          body: { code: 19021, msg: 'sign match fail or timestamp is not within one hour from current time' }
        };
      }
      const card = body.card as
        | {
            header?: { title?: { content?: unknown } };
            elements?: { content?: unknown; actions?: { url?: unknown }[] }[];
          }
        | undefined;
      const title = card?.header?.title?.content;
      if (body.msg_type !== 'interactive' || typeof title !== 'string' || !Array.isArray(card?.elements)) {
        return { status: 200, body: { code: 9499, msg: 'Bad Request' } };
      }
      const texts = card.elements.map((e) =>
        typeof e.content === 'string' ? e.content : (e.actions?.map((a) => String(a.url)).join(' ') ?? '')
      );
      taken.push({ robot: url.pathname.split('/').at(-1) ?? '', kind, text: [title, ...texts].join('\n') });
      return { status: 200, body: { code: 0, msg: 'success', data: {} } };
    }
    return { status: 404 };
  };
}

/** The design-review template's first stage whose gate a manager signs. */
const managerGate = (doc: Y.Doc) =>
  readStages(doc).findIndex((s) => s.gate !== null && s.gate.approvers.every((a) => a.level === 'manager'));

describe('group-chat robots', () => {
  let tmp: ReturnType<typeof tempDir>;
  let server: TestServer;
  let receiver: Receiver;
  let boardId: string;
  let client: TestClient;
  let manager: { user: PublicUser };
  let offset = 0;
  const dueNow = Date.now();
  const taken: Taken[] = [];
  const robots: { kind: RobotKind; locale: Locale; name: string; id: string }[] = [];

  beforeAll(async () => {
    tmp = tempDir();
    receiver = await startReceiver(platform(taken));
    server = await startTestServer(
      tmp.dir,
      { outboundAllowHosts: ['127.0.0.1'], publicUrl: 'https://board.example.cn' },
      undefined,
      {
        dueNotices: { now: () => dueNow, intervalMs: 60_000 },
        outbound: {
          now: () => Date.now() + offset,
          retry: { delaysMs: [30, 30], jitter: 0, timeoutMs: 2000, disableAfter: 10 },
          pollMs: 10,
          digestMs: 60_000
        }
      }
    );
    boardId = (
      await server.services.boards.create({
        title: '春季海报',
        templateId: 'design-review',
        creatorId: server.owner.id
      })
    ).id;
    manager = await server.member(boardId, 'manager', '王经理');
    // The digest's schedule: the day a week from now, 00:00 China time, is its next due moment.
    const weekLater = new Date(`${chinaDay(Date.now() + 7 * 24 * HOUR_MS)}T00:00:00Z`);
    const digestWeekday = ((weekLater.getUTCDay() + 6) % 7) + 1;
    for (const kind of ['wecom', 'dingtalk', 'feishu'] as const) {
      for (const locale of ['zh-CN', 'en'] as const) {
        const name = `${kind}-${locale}`;
        const url =
          kind === 'wecom'
            ? `${receiver.url}/wecom/cgi-bin/webhook/send?key=${name}`
            : kind === 'dingtalk'
              ? `${receiver.url}/dingtalk/robot/send?access_token=${name}`
              : `${receiver.url}/feishu/open-apis/bot/v2/hook/${name}`;
        const secret = kind === 'dingtalk' ? DING_SECRET : kind === 'feishu' ? FEISHU_SECRET : undefined;
        const { integration } = await added(server, boardId, {
          kind,
          url,
          locale,
          secret,
          events: ['card.awaiting_approval', 'card.sent_back', 'card.overdue', 'digest.weekly'],
          digestWeekday,
          digestHour: 0
        });
        // The list hides the robot's key.
        expect(integration.url).not.toContain(name);
        robots.push({ kind, locale, name, id: integration.id });
      }
    }
    client = await connectClient(server, boardId);
  });

  afterAll(async () => {
    client.destroy();
    await server.stop();
    await receiver.close();
    tmp.cleanup();
  });

  const messagesOf = (name: string) => taken.filter((t) => t.robot === name).map((t) => t.text);
  const allGot = (count: number) =>
    waitFor(
      `every robot's message ${count}`,
      () => robots.every((r) => messagesOf(r.name).length >= count),
      10_000
    );

  it('posts a card waiting for approval, a send-back, an overdue card and the weekly digest to each platform, signed, in its language', async () => {
    const gateIndex = managerGate(client.doc);
    const stages = readStages(client.doc);
    const gated = stages[gateIndex]!;
    const cardId = addCard(client.doc, { stageId: stages[gateIndex - 1]!.id, title: '终版海报' });
    assignCard(client.doc, cardId, server.owner.id);
    setCardDate(client.doc, cardId, chinaDay(Date.now() - 2 * 24 * HOUR_MS));
    moveCard(client.doc, cardId, gated.id, 0);
    await allGot(1);

    await waitFor('the card in the gated stage on the server', () =>
      server.rooms.read(boardId, (doc) => readStages(doc).length > 0)
    );
    await server.services.reviews.sendBack(manager.user, boardId, cardId, '尺寸不对，请改成 A3');
    await allGot(2);

    await server.services.dueNotices.pass();
    await allGot(3);

    offset = 7 * 24 * HOUR_MS;
    expect(await server.services.outbound.digestPass()).toBe(robots.length);
    await allGot(4);
    // Once a week: a second pass queues nothing.
    expect(await server.services.outbound.digestPass()).toBe(0);

    const link = `https://board.example.cn/boards/${boardId}?card=${cardId}`;
    for (const robot of robots) {
      const [waiting, sentBack, overdue, digest] = messagesOf(robot.name);
      if (robot.locale === 'zh-CN') {
        expect(waiting).toContain('待审批：终版海报');
        expect(waiting).toContain(gated.name);
        expect(sentBack).toContain('已退回：终版海报');
        expect(sentBack).toContain('退回原因：尺寸不对，请改成 A3');
        expect(overdue).toContain('已逾期：终版海报');
        expect(digest).toContain('春季海报 本周周报');
        expect(digest).toMatch(/推进 \d+ 张卡片/);
      } else {
        expect(waiting).toContain('Waiting for approval: 终版海报');
        expect(sentBack).toContain('Sent back: 终版海报');
        expect(sentBack).toContain('Reason: 尺寸不对，请改成 A3');
        expect(overdue).toContain('Overdue: 终版海报');
        expect(digest).toContain('春季海报: weekly digest');
        expect(digest).toMatch(/\d+ cards moved on/);
      }
      for (const message of [waiting, sentBack, overdue]) expect(message).toContain(link);
      expect(messagesOf(robot.name)).toHaveLength(4);
    }
    // Every delivery was taken at its first attempt: no signature or format was refused.
    for (const robot of robots) {
      const log = await deliveryLog(server, boardId, robot.id);
      expect(log.map((a) => [a.ok, a.attempt])).toEqual(log.map(() => [true, 1]));
    }
  });

  it('a refused signature is logged as the platform’s error and retried, as a failure', async () => {
    const wrong = await added(server, boardId, {
      kind: 'feishu',
      url: `${receiver.url}/feishu/open-apis/bot/v2/hook/wrong-secret`,
      locale: 'zh-CN',
      secret: 'not-the-secret',
      events: ['card.sent_back']
    });
    await server.services.outbound.test(boardId, wrong.integration.id);
    const log = await waitFor('three refused attempts', async () => {
      const list = await deliveryLog(server, boardId, wrong.integration.id);
      return list.length >= 3 ? list : null;
    });
    expect(
      log.every((a) => !a.ok && a.statusCode === 200 && a.error?.startsWith('platform-error: 19021'))
    ).toBe(true);
    expect(log[0]!.deliveryStatus).toBe('dead');
    expect(messagesOf('wrong-secret')).toEqual([]);
  });

  it('the stand-in platforms refuse a stale timestamp even when it is signed right', async () => {
    const stale = Date.now() - 2 * HOUR_MS;
    const ding = dingtalkSign(DING_SECRET, stale);
    const dingUrl = `${receiver.url}/dingtalk/robot/send?access_token=x&${new URLSearchParams(ding)}`;
    const message = { msgtype: 'markdown', markdown: { title: 't', text: 't' } };
    const dingAnswer = await fetch(dingUrl, { method: 'POST', body: JSON.stringify(message) });
    expect(await dingAnswer.json()).toMatchObject({ errcode: 310000 });
    const fs = feishuSign(FEISHU_SECRET, Math.floor(stale / 1000));
    const body = {
      ...fs,
      msg_type: 'interactive',
      card: { header: { title: { content: 't' } }, elements: [] }
    };
    const fsAnswer = await fetch(`${receiver.url}/feishu/open-apis/bot/v2/hook/x`, {
      method: 'POST',
      body: JSON.stringify(body)
    });
    expect(await fsAnswer.json()).toMatchObject({ code: 19021 });
  });
});
