/**
 * The roles of the conference process (003 §2.2.4, §2.1.4, §3.5): the 会务专员 organises and runs
 * the event, the 会务组 meets, plans and splits the work, and the leader (the specialist's direct
 * superior, the market department manager) approves the plan. Hand-off `add`.
 */
import type { TemplateOwner, TemplateRole } from '../types';

export const conferenceRoles: TemplateRole[] = [
  {
    key: 'specialist',
    name: { 'zh-CN': '会务专员', en: 'Conference specialist' },
    source: {
      doc: '003',
      where: '§2.1.4 会务专员 1), l.143–147',
      quote: '主要负责大型培训、论坛、会议及沙龙的组织、实施、流程安排'
    }
  },
  {
    key: 'team',
    name: { 'zh-CN': '会务组', en: 'Conference team' },
    source: { doc: '003', where: '§2.2.4, l.241', quote: '会务组工作会议' }
  },
  {
    key: 'leader',
    name: { 'zh-CN': '领导（市场部经理）', en: 'Leader (market department manager)' },
    source: { doc: '003', where: '§2.1.4 会务专员, l.145', quote: '直接上级:市场部经理' }
  }
];

const owner = (role: string, where: string, quote: string): TemplateOwner => ({
  role,
  handoff: 'add',
  source: { doc: '003', where, quote }
});

const organises = owner(
  'specialist',
  '§2.1.4 1), l.147',
  '主要负责大型培训、论坛、会议及沙龙的组织、实施、流程安排'
);

/** Each stage's owner, by stage key. */
export const conferenceOwners = {
  plan: organises,
  approval: owner('leader', '§3.5 3), l.403', '活动策划案经讨论与领导审批通过后方可执行'),
  kickoff: owner('team', '§2.2.4, l.241', '会务组工作会议'),
  'action-plan': owner('team', '§2.2.4, l.241', '会务组工作会议→发布行动计划'),
  'assign-tasks': owner('team', '§2.2.4, l.241', '发布行动计划→分配任务'),
  'pre-event': owner('specialist', '§2.1.4 2), l.149', '协调与会务相关的前期准备工作'),
  'on-site': organises,
  'post-event': organises
} satisfies Record<string, TemplateOwner>;
