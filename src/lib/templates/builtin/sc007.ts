import type { TemplateApprover, TemplateChecklistItem } from '../types';

/**
 * 002 SC-007 市场活动策划流程 covers advertising, public events, product shows and technical
 * seminars alike, so its steps for running an activity belong to both the PR and the event
 * template; they are written once here.
 */
export const SC007_RUN: TemplateChecklistItem[] = [
  {
    text: {
      'zh-CN': '按策划书实施并进行活动记录',
      en: 'Run the activity to the plan and keep a record of it'
    },
    source: { doc: '002', where: 'SC-007 step 3, l.11', quote: '按照策划书实施并进行活动记录' }
  },
  {
    text: { 'zh-CN': '发现问题及时修订活动方案', en: 'Revise the plan as soon as a problem shows' },
    source: {
      doc: '002',
      where: 'SC-007 step 4, l.11',
      quote: '市场活动中如发现问题须及时对活动方案进行修订'
    }
  }
];

/** SC-007's split of who approves: the general manager for special activities, routine ones below. */
export const SC007_GENERAL_MANAGER: TemplateApprover = {
  title: { 'zh-CN': '公司总经理', en: 'General manager' },
  level: 'general-manager',
  when: {
    'zh-CN': '特殊的市场活动（如公共活动、技术交流会）',
    en: 'a special marketing activity (e.g. a public event or a technical seminar)'
  },
  source: { doc: '002', where: 'SC-007 step 1, l.11', quote: '特殊的市场活动须由公司总经理批准' }
};
