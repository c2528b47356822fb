import type { BoardTemplate } from '../types';
import { researchChecklists } from './market-research.checklists';
import { MAJOR_RESEARCH } from './fields';

/**
 * Market research (research §4): stage names from 003 §3.1's chain (l.269–271, converted to simplified), roles and
 * approvers from 002 SC-001/SC-002 (l.3–7), where 市场经理 does the work and 产品市场部经理 approves. The plan's 审核 is
 * its own stage because SC-001 makes it a round of comments (提出修改意见) plus up to four sign-offs; the report's
 * 审核 is a single sign-off, so it is the report stage's exit gate. The questionnaire's approver is not named, so
 * its 审核 is a checklist item, not a gate.
 */
export const marketResearch: BoardTemplate = {
  id: 'market-research',
  kind: 'builtin',
  name: { 'zh-CN': '市场调研', en: 'Market research' },
  description: {
    'zh-CN':
      '从确定调研目的、制定调研计划（策划书）并审核，到问卷审核、调查实施、数据整理、撰写调研报告并审核。',
    en: 'From research objective and an approved research plan, through questionnaire approval, fieldwork and data collation, to an approved research report.'
  },
  sources: [
    { doc: '003', where: '§3.1 市场调研管理, l.263–271' },
    { doc: '002', where: 'SC-001 市场调研策划流程, l.3–5' },
    { doc: '002', where: 'SC-002 市场调研流程, l.5–7' },
    { doc: '000', where: '营销策划部各项工作流程图总览, l.55–61' }
  ],
  fields: [MAJOR_RESEARCH],
  stages: [
    {
      key: 'objective',
      name: { 'zh-CN': '确定调研目的', en: 'Define the research objective' },
      department: {
        'zh-CN': '市场部（市场部经理组织）',
        en: 'Market department (organised by its manager)'
      },
      source: { doc: '003', where: '§3.1 市场调研管理流程, l.269', quote: '确定调研目的' },
      checklist: researchChecklists.objective
    },
    {
      key: 'plan',
      name: { 'zh-CN': '制定调研计划', en: 'Draft the research plan' },
      department: { 'zh-CN': '市场经理', en: 'Market manager' },
      source: { doc: '003', where: '§3.1 市场调研管理流程, l.269', quote: '制定调研计划' },
      checklist: researchChecklists.plan
    },
    {
      key: 'plan-review',
      name: { 'zh-CN': '审核调研策划书', en: 'Review the research plan' },
      department: { 'zh-CN': '产品市场部', en: 'Product marketing department' },
      source: { doc: '002', where: 'SC-001 steps 2–4, l.3–5', quote: '产品市场部经理审核市场调研策划书' },
      checklist: researchChecklists['plan-review'],
      // SC-001 steps 2–4. The general manager appears twice: the budget opinion is only for annual, monthly
      // and major plans ("常规调研计划可跳过此环节"), but the joint sign-off of step 4 always includes them.
      gate: {
        approvers: [
          { title: { 'zh-CN': '产品市场部经理', en: 'Product marketing manager' }, level: 'manager' },
          { title: { 'zh-CN': '事业部经理', en: 'Division manager' }, level: 'other' },
          {
            title: { 'zh-CN': '总经理（审核预算并签署意见）', en: 'General manager (budget opinion)' },
            level: 'general-manager',
            if: { field: 'major', op: 'set' },
            when: {
              'zh-CN': '年度、月度、重大专项调研计划',
              en: 'Annual, monthly or major special research plans'
            }
          },
          { title: { 'zh-CN': '技术总监', en: 'Technical director' }, level: 'director' },
          { title: { 'zh-CN': '公司总经理', en: 'General manager' }, level: 'general-manager' },
          { title: { 'zh-CN': '大客户部经理', en: 'Key-account department manager' }, level: 'manager' }
        ],
        source: {
          doc: '002',
          where: 'SC-001 steps 2–4, l.3–5',
          quote: '产品市场部牵头技术总监、公司总经理、大客户部经理共同签准市场调研策划书'
        },
        signing: { mode: 'all', source: { doc: '002', where: 'SC-001 step 4, l.5', quote: '共同签准' } }
      },
      sendBackTo: {
        stage: 'plan',
        source: {
          doc: '002',
          where: 'SC-001 step 2, l.3',
          quote: '并提出修改意见',
          inferred:
            'SC-001 has the product marketing manager comment on the plan; that the plan goes back to drafting for the changes is our reading.'
        }
      }
    },
    {
      key: 'questionnaire',
      name: { 'zh-CN': '制定调查问卷', en: 'Draft the questionnaire' },
      department: { 'zh-CN': '市场经理', en: 'Market manager' },
      source: { doc: '003', where: '§3.1 市场调研管理流程, l.269', quote: '制定调查问卷' },
      checklist: researchChecklists.questionnaire
    },
    {
      key: 'fieldwork',
      name: { 'zh-CN': '调查实施', en: 'Fieldwork' },
      department: {
        'zh-CN': '大客户部经理布置；大客户经理实施',
        en: 'Key-account department manager assigns; key-account managers carry out'
      },
      source: { doc: '003', where: '§3.1 市场调研管理流程, l.269', quote: '调查实施' },
      checklist: researchChecklists.fieldwork
    },
    {
      key: 'data',
      name: { 'zh-CN': '数据收集与整理', en: 'Data collection and collation' },
      department: {
        'zh-CN': '大客户经理反馈；市场经理整理',
        en: 'Key-account managers report back; the market manager collates'
      },
      source: { doc: '003', where: '§3.1 市场调研管理流程, l.269', quote: '数据收集与整理' },
      checklist: researchChecklists.data
    },
    {
      key: 'report',
      name: { 'zh-CN': '撰写调研报告', en: 'Write the research report' },
      department: { 'zh-CN': '市场经理', en: 'Market manager' },
      source: { doc: '003', where: '§3.1 市场调研管理流程, l.271', quote: '撰写调研报告' },
      checklist: researchChecklists.report,
      gate: {
        approvers: [
          { title: { 'zh-CN': '产品市场部经理', en: 'Product marketing manager' }, level: 'manager' }
        ],
        source: { doc: '002', where: 'SC-002 step 5, l.5', quote: '市场调研报告经产品市场部经理审核通过' }
      }
    },
    {
      key: 'done',
      name: { 'zh-CN': '结束', en: 'Done' },
      source: { doc: '003', where: '§3.1 市场调研管理流程, l.271', quote: '撰写调研报告→审核→结束' },
      checklist: researchChecklists.done
    }
  ]
};
