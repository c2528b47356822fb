/**
 * The pure rules of the outbound integrations: which addresses are internal (SSRF), when a weekly
 * digest is due in China's time, and how robot messages keep user text from restyling them and
 * stay within 企业微信's 4096 bytes.
 */
import { describe, expect, it } from 'vitest';
import type { OutboundEvent } from '#lib/outbound/types';
import { isInternalAddress, parseTarget } from '#server/outbound/addressGuard';
import { baseEvent } from '#server/outbound/boardEvents';
import { robotAccepted, robotBody, robotText } from '#server/outbound/robotMessages';
import { chinaDay, lastScheduled } from '#server/outbound/weeklyDigest';

describe('internal addresses', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    '::',
    'fe80::1',
    'fd00::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    '224.0.0.1',
    'not-an-address'
  ])('%s is internal', (address) => {
    expect(isInternalAddress(address)).toBe(true);
  });

  it.each(['8.8.8.8', '172.32.0.1', '203.0.113.9', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    '%s is public',
    (address) => {
      expect(isInternalAddress(address)).toBe(false);
    }
  );

  it('only http(s) URLs without credentials are targets', () => {
    expect(parseTarget('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k')).toBeInstanceOf(URL);
    for (const bad of [
      'file:///etc/passwd',
      'gopher://x',
      'https://a:b@example.com',
      'not a url',
      'javascript:alert(1)'
    ]) {
      expect(parseTarget(bad)).toBe('invalid-url');
    }
  });
});

describe('weekly digest schedule (China time, UTC+8)', () => {
  const at = (iso: string) => Date.parse(iso);

  it('Monday 09:00 is due from that moment until the next Monday 09:00', () => {
    // Monday 2026-12-07 09:00 in China is 01:00 UTC.
    expect(lastScheduled(at('2026-12-07T01:00:00Z'), 1, 9)).toEqual({
      at: at('2026-12-07T01:00:00Z'),
      day: '2026-12-07'
    });
    expect(lastScheduled(at('2026-12-07T00:59:59Z'), 1, 9)).toEqual({
      at: at('2026-11-30T01:00:00Z'),
      day: '2026-11-30'
    });
    expect(lastScheduled(at('2026-12-13T20:00:00Z'), 1, 9).day).toBe('2026-12-07');
  });

  it('counts days by China’s calendar, not the server’s', () => {
    // 2026-12-06 20:00 UTC is already Monday 04:00 in China.
    expect(chinaDay(at('2026-12-06T20:00:00Z'))).toBe('2026-12-07');
    expect(lastScheduled(at('2026-12-06T20:00:00Z'), 1, 0)).toEqual({
      at: at('2026-12-06T16:00:00Z'),
      day: '2026-12-07'
    });
    expect(lastScheduled(at('2026-12-10T12:00:00Z'), 7, 23).day).toBe('2026-12-06');
  });
});

describe('robot messages', () => {
  const ctx = { boardId: 'b1', boardTitle: '看板', origin: 'https://board.example.cn' };
  const event = (title: string): OutboundEvent => ({
    ...baseEvent(ctx, 'card.sent_back', 0),
    card: { id: 'c1', title, url: 'https://board.example.cn/boards/b1?card=c1' },
    stage: { from: { id: 's2', name: '审核' }, to: { id: 's1', name: '设计' } },
    actor: { id: 'u1', name: '王经理' },
    note: '请改'
  });

  it('escapes markdown in card titles so a title cannot add links or styling', () => {
    const text = robotText(event('[点我](https://evil.example) **大字**'), 'zh-CN');
    expect(text.title).toBe('已退回：\\[点我\\](https://evil.example) \\*\\*大字\\*\\*');
    const body = robotBody('dingtalk', text) as { markdown: { text: string } };
    expect(body.markdown.text).not.toContain('[点我](');
    expect(body.markdown.text).toContain('[查看卡片](https://board.example.cn/boards/b1?card=c1)');
  });

  it('keeps 企业微信 markdown within 4096 bytes, cut on a whole character', () => {
    const body = robotBody('wecom', robotText(event('长'.repeat(3000)), 'en')) as {
      markdown: { content: string };
    };
    expect(Buffer.byteLength(body.markdown.content)).toBeLessThanOrEqual(4096);
    expect(body.markdown.content.endsWith('…')).toBe(true);
  });

  it('reads each platform’s error code in a 200 answer', () => {
    expect(robotAccepted('wecom', '{"errcode":0,"errmsg":"ok"}').ok).toBe(true);
    expect(robotAccepted('dingtalk', '{"errcode":310000,"errmsg":"sign not match"}')).toEqual({
      ok: false,
      detail: '310000 sign not match'
    });
    expect(robotAccepted('feishu', '{"code":19021,"msg":"sign match fail"}')).toEqual({
      ok: false,
      detail: '19021 sign match fail'
    });
    expect(robotAccepted('feishu', '{"StatusCode":0,"StatusMessage":"success"}').ok).toBe(true);
    expect(robotAccepted('wecom', '<html>').ok).toBe(false);
  });
});
