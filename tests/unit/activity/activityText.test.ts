import { describe, expect, it } from 'vitest';
import { activityText } from '#lib/activity/text';
import type { ActivityEntry } from '#lib/activity/types';
import { format, type MessageKey } from '#lib/i18n/locale';

const zh = (key: MessageKey, params?: Record<string, string | number>) => format('zh-CN', key, params);
const en = (key: MessageKey, params?: Record<string, string | number>) => format('en', key, params);

const entry = (kind: ActivityEntry['kind'], data: ActivityEntry['data']): ActivityEntry => ({
  id: 1,
  boardId: 'b',
  at: 0,
  userId: 'u',
  userName: '王经理',
  kind,
  cardId: 'c',
  data: { title: '春节海报', ...data }
});

describe('activity sentences', () => {
  it('counts rounds from 1 as people do: the first approval is round 1, the first send-back starts round 2', () => {
    // Stored from 0 (the approvals' key): 0 before any send-back, 1 after the first.
    expect(activityText(entry('card.approved', { stageName: '定稿', round: 0 }), zh)).toBe(
      '王经理 批准了「春节海报」的「定稿」（第 1 轮）'
    );
    const back = entry('card.sent-back', { fromStageName: '定稿', toStageName: '设计稿', round: 1 });
    expect(activityText(back, zh)).toBe('王经理 把「春节海报」从「定稿」退回到「设计稿」，开始第 2 轮');
    expect(activityText(back, en)).toBe('王经理 sent “春节海报” back from 定稿 to 设计稿; round 2 begins');
  });

  it('says a date was set, changed or cleared, in the reader’s date format', () => {
    expect(activityText(entry('card.dated', { date: '2026-12-08', fromDate: null }), zh)).toBe(
      '王经理 把「春节海报」的日期设为 2026年12月8日'
    );
    expect(activityText(entry('card.dated', { date: '2026-12-10', fromDate: '2026-12-08' }), zh)).toBe(
      '王经理 把「春节海报」的日期从 2026年12月8日 改为 2026年12月10日'
    );
    expect(activityText(entry('card.dated', { date: null, fromDate: '2026-12-10' }), en)).toBe(
      '王经理 cleared the date of “春节海报”'
    );
  });

  it('names labels, uploads and their draft versions, and description edits', () => {
    expect(activityText(entry('card.labeled', { label: '加急' }), zh)).toBe(
      '王经理 给「春节海报」加上了标签「加急」'
    );
    expect(activityText(entry('card.unlabeled', { label: '加急' }), zh)).toBe(
      '王经理 去掉了「春节海报」的标签「加急」'
    );
    expect(activityText(entry('attachment.uploaded', { file: 'a.png', version: 1 }), zh)).toBe(
      '王经理 给「春节海报」上传了「a.png」'
    );
    expect(activityText(entry('attachment.uploaded', { file: 'a.png', version: 3 }), zh)).toBe(
      '王经理 给「春节海报」上传了「a.png」第 3 稿'
    );
    expect(activityText(entry('card.described', {}), en)).toBe('王经理 edited the description of “春节海报”');
  });
});
