import type { BoardTemplate } from '../types';
import { holidayChecklists } from './holiday-promotion.checklists';

/**
 * Holiday promotion (research §5), from 004 企划部部门项目工作流程 — 日常节假日 (l.733–738). The text of the last
 * three stages is l.678, which sits under no flow heading; the research attributes it to this flow (inferred).
 * One card per holiday, dated on the holiday: the annual plan is done a year ahead and work starts 50 days before.
 * No manager signs off; the plan is confirmed in meetings and by the stores, so there are no gates.
 */
export const holidayPromotion: BoardTemplate = {
  id: 'holiday-promotion',
  kind: 'builtin',
  name: { 'zh-CN': '日常节假日促销', en: 'Holiday promotion' },
  description: {
    'zh-CN':
      '企划部提前一年规划重大节日促销，节前50天开始准备：市场调研、头脑风暴、方案多次修改定稿、区域确认、活动执行与PPT总结。',
    en: 'The planning department plans major-holiday promotions a year ahead and starts work 50 days before: market research, brainstorm, plan revised until final, regional confirmation, execution and a PPT summary.'
  },
  sources: [
    { doc: '004', where: '企划部部门项目工作流程 — 日常节假日, l.733–738' },
    {
      doc: '004',
      where: '品牌营销中心工作流程, l.675–678',
      inferred: 'These lines sit under no flow heading; we read them as the text of the holiday flow.'
    }
  ],
  dateLabel: { 'zh-CN': '节日日期', en: 'Holiday date' },
  stages: [
    {
      key: 'annual-plan',
      name: { 'zh-CN': '规划年度营销方案', en: 'Plan the annual marketing programme' },
      department: { 'zh-CN': '企划部', en: 'Planning department' },
      source: { doc: '004', where: '日常节假日 flowchart label, l.735', quote: '规划年度营销方案' },
      checklist: holidayChecklists['annual-plan'],
      timeRule: {
        kind: 'finish-by',
        amount: 12,
        unit: 'months',
        source: { doc: '004', where: '日常节假日, l.735', quote: '提前一年针对重大节日' }
      }
    },
    {
      key: 'deployment',
      name: { 'zh-CN': '前期部署', en: 'Advance deployment' },
      department: { 'zh-CN': '企划部', en: 'Planning department' },
      source: { doc: '004', where: '日常节假日 flowchart label, l.735', quote: '前期部署' },
      checklist: holidayChecklists.deployment,
      // "提前50天" may count back from the holiday or from the promotion period; the card's date is the holiday.
      timeRule: {
        kind: 'start-by',
        amount: 50,
        unit: 'days',
        source: { doc: '004', where: '日常节假日, l.735', quote: '提前50天开始着手准备' }
      }
    },
    {
      key: 'market-research',
      name: { 'zh-CN': '市场调研', en: 'Market research' },
      department: { 'zh-CN': '策划组', en: 'Planning group' },
      source: { doc: '004', where: '日常节假日 flowchart label, l.735', quote: '市场调研' },
      checklist: holidayChecklists['market-research']
    },
    {
      key: 'brainstorm',
      name: { 'zh-CN': '头脑风暴（首次会议讨论）', en: 'Brainstorm (first meeting)' },
      department: {
        'zh-CN': '企划部；设计组、影视组、商品组、采购部门',
        en: 'Planning department; design, video and merchandise groups; purchasing'
      },
      source: {
        doc: '004',
        where: '日常节假日 flowchart label, l.735',
        quote: '头脑风暴(首次会议讨论) 企划部'
      },
      checklist: holidayChecklists.brainstorm
    },
    {
      key: 'final-plan',
      name: { 'zh-CN': '确认最终方案', en: 'Confirm the final plan' },
      department: {
        'zh-CN': '企划部、设计影视部、货品部',
        en: 'Planning, design and video, and merchandise departments'
      },
      source: { doc: '004', where: '日常节假日, l.735; overview label, l.675–677', quote: '确认最终方案' },
      checklist: holidayChecklists['final-plan'],
      // "做N次修改": the draft goes back to where it was first drafted as many times as needed.
      sendBackTo: {
        stage: 'brainstorm',
        source: {
          doc: '004',
          where: '日常节假日, l.735',
          quote: '针对初拟的方案进行讨论,做N次修改',
          inferred:
            '004 says the draft is discussed and revised N times; that the card goes back to the stage where the plan was drafted is our reading.'
        }
      }
    },
    {
      key: 'regional-confirm',
      name: { 'zh-CN': '区域确认方案', en: 'Regional confirmation of the plan' },
      department: { 'zh-CN': '加盟服务；终端店', en: 'Franchise service; stores' },
      source: { doc: '004', where: '日常节假日 flowchart label, l.736–737', quote: '区域确认方案' },
      checklist: holidayChecklists['regional-confirm']
    },
    {
      key: 'execution',
      name: { 'zh-CN': '活动执行', en: 'Execution' },
      department: { 'zh-CN': '各连锁店；品牌部执行专员', en: 'Stores; brand department field staff' },
      source: { doc: '004', where: '日常节假日 phase label, l.738', quote: '活动执行' },
      checklist: holidayChecklists.execution
    },
    {
      key: 'summary',
      name: { 'zh-CN': '活动总结', en: 'Summary' },
      source: { doc: '004', where: '日常节假日 phase label, l.738', quote: '活动总结' },
      checklist: holidayChecklists.summary
    }
  ]
};
