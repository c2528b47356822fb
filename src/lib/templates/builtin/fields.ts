/**
 * Card fields the seed documents name, shared by the templates that use them: an event's budget
 * (预算, money in fen; a campaign's budget is its budget lines, src/lib/board/budget.ts), a research plan's "major" mark (重大专项, which brings the
 * general manager in), a design request's type (影视 requests need 10 working days).
 */
import type { TemplateField } from '../types';

export const BUDGET_EVENT: TemplateField = {
  key: 'budget',
  name: { 'zh-CN': '预算', en: 'Budget' },
  kind: 'money',
  source: { doc: '003', where: '§2.2.4 2) 項目實施, l.227', quote: '經(jīng)費預(yù)算' }
};

export const MAJOR_RESEARCH: TemplateField = {
  key: 'major',
  name: { 'zh-CN': '年度/月度/重大专项', en: 'Annual, monthly or major plan' },
  kind: 'flag',
  source: { doc: '002', where: 'SC-001 step 3, l.3', quote: '重大专项调研计划,须呈报总经理审核' }
};

export const REQUEST_TYPE: TemplateField = {
  key: 'type',
  name: { 'zh-CN': '需求类型', en: 'Request type' },
  kind: 'text',
  source: { doc: '004', where: '影视部部门项目申请完成周期, l.153–155', quote: '影视部部门项目申请完成周期' }
};
