/**
 * The roles of 001's campaign process (营销推广活动执行管理制度 defines three, l.101–104; the
 * supervising managers are named in its fifth article) and the stage each one owns. A card
 * entering a stage is added to its owners' work (hand-off `add`); nobody is held to a stage.
 */
import type { TemplateOwner, TemplateRole } from '../types';

export const campaignRoles: TemplateRole[] = [
  {
    key: 'planner',
    name: { 'zh-CN': '活动策划人员', en: 'Campaign planners' },
    source: {
      doc: '001',
      where: '二、定义和术语 3., l.102',
      quote: '活动策划人员:指负责订立营销推广活动方案和策划的员工或团队'
    }
  },
  {
    key: 'executor',
    name: { 'zh-CN': '营销推广活动执行者', en: 'Campaign executors' },
    source: {
      doc: '001',
      where: '二、定义和术语 2., l.101',
      quote: '营销推广活动执行者:指负责营销推广活动具体执行的员工或团队'
    }
  },
  {
    key: 'reviewer',
    name: { 'zh-CN': '上级审核人员', en: 'Reviewing superior' },
    source: { doc: '001', where: '三、活动策划阶段 2., l.104', quote: '上级审核人员对活动策划方案进行评估' }
  },
  {
    key: 'supervisor',
    name: { 'zh-CN': '上级管理人员', en: 'Supervising managers' },
    source: {
      doc: '001',
      where: '五、活动监督与评估 1., l.109',
      quote: '上级管理人员应定期对营销推广活动的执行情况进行监督与评估'
    }
  }
];

const owner = (role: string, where: string, quote: string): TemplateOwner => ({
  role,
  handoff: 'add',
  source: { doc: '001', where, quote }
});

/** Each stage's owner, by stage key. */
export const campaignOwners = {
  planning: owner('planner', '三、活动策划阶段 1., l.103', '活动策划人员应依据市场需求和公司战略目标'),
  preparation: owner(
    'executor',
    '四、活动执行阶段 1., l.105',
    '营销推广活动执行者依据活动策划方案,订立认真的执行计划'
  ),
  approval: owner('reviewer', '四、活动执行阶段 2., l.106', '上级审核人员对执行计划进行评估'),
  execution: owner('executor', '四、活动执行阶段 3., l.107', '活动执行者应定时按质完成各项任务'),
  monitoring: owner(
    'supervisor',
    '五、活动监督与评估 1., l.109',
    '上级管理人员应定期对营销推广活动的执行情况进行监督与评估'
  ),
  summary: owner('executor', '七、活动总结与反馈 1., l.114', '活动执行者应及时总结活动效果并撰写活动总结报告')
} satisfies Record<string, TemplateOwner>;
