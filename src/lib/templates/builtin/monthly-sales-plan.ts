import type { BoardTemplate } from '../types';

/**
 * Monthly sales plan, from 002 SC-004 销售计划制订、审批流程 (l.7–9; research §9), owned by 销售部. The 26th
 * is put on drafting, where the 销售计划表 is written and handed in; the consolidated plan's sign-off by
 * 产品市场部经理 is the exit gate of 汇总审核, and "签否" sends it back to drafting. 呈报总经理 is a report, not a gate.
 */
export const monthlySalesPlan: BoardTemplate = {
  id: 'monthly-sales-plan',
  kind: 'builtin',
  name: { 'zh-CN': '月度销售计划', en: 'Monthly sales plan' },
  description: {
    'zh-CN':
      '大客户经理每月26日以销售计划表提交月度销售计划，经大客户部经理汇总、产品市场部经理签准后布置销售任务并呈报公司总经理，按计划实施。',
    en: 'Account managers hand in their monthly sales-plan sheets on the 26th. The key-account department manager consolidates them, the product-marketing manager signs the plan off, tasks are assigned, the plan is reported to the general manager and then carried out.'
  },
  sources: [{ doc: '002', where: 'SC-004 销售计划制订、审批流程, l.7–9' }],
  dateLabel: { 'zh-CN': '计划月份', en: 'Plan month' },
  stages: [
    {
      key: 'draft',
      name: { 'zh-CN': '制订月度销售计划', en: 'Draft the monthly sales plan' },
      department: { 'zh-CN': '大客户经理', en: 'Account managers' },
      source: { doc: '002', where: 'SC-004 step 1, l.7', quote: '大客户经理根据制订月度销售计划' },
      checklist: [
        {
          text: { 'zh-CN': '制订月度销售计划', en: 'Draft the monthly sales plan' },
          source: { doc: '002', where: 'SC-004 step 1, l.7', quote: '制订月度销售计划' }
        },
        {
          text: { 'zh-CN': '填写销售计划表', en: 'Fill in the sales-plan sheet' },
          source: { doc: '002', where: 'SC-004 step 1, l.7', quote: '以销售计划表的形式' }
        },
        {
          text: { 'zh-CN': '每月26日提交销售计划表', en: 'Hand in the sheet on the 26th' },
          source: { doc: '002', where: 'SC-004 step 1, l.7', quote: '每月26日以销售计划表的形式' }
        }
      ],
      timeRule: {
        kind: 'monthly',
        day: 26,
        source: { doc: '002', where: 'SC-004 step 1, l.7', quote: '每月26日以销售计划表的形式' }
      }
    },
    {
      key: 'consolidate',
      name: { 'zh-CN': '汇总审核', en: 'Consolidate for sign-off' },
      department: { 'zh-CN': '大客户部经理', en: 'Key-account department manager' },
      source: { doc: '002', where: 'SC-004 step 1, l.7', quote: '经大客户部经理汇总后发产品市场部经理审核' },
      checklist: [
        {
          text: { 'zh-CN': '汇总各大客户经理的销售计划表', en: "Consolidate the account managers' sheets" },
          source: { doc: '002', where: 'SC-004 step 1, l.7', quote: '经大客户部经理汇总' }
        },
        {
          text: { 'zh-CN': '发产品市场部经理审核', en: 'Send to the product-marketing manager for review' },
          source: { doc: '002', where: 'SC-004 step 1, l.7', quote: '发产品市场部经理审核' }
        }
      ],
      gate: {
        approvers: [
          { title: { 'zh-CN': '产品市场部经理', en: 'Product-marketing manager' }, level: 'manager' }
        ],
        source: {
          doc: '002',
          where: 'SC-004 step 2, l.7',
          quote: '产品市场部经理签准后交大客户部经理布置销售任务'
        }
      },
      sendBackTo: {
        stage: 'draft',
        source: { doc: '002', where: 'SC-004 step 2, l.7–9', quote: '如签否由大客户经理…重新拟订' }
      }
    },
    {
      key: 'assign-tasks',
      name: { 'zh-CN': '布置销售任务', en: 'Assign sales tasks' },
      department: { 'zh-CN': '大客户部经理', en: 'Key-account department manager' },
      source: { doc: '002', where: 'SC-004 step 2, l.7', quote: '交大客户部经理布置销售任务' },
      checklist: [
        {
          text: { 'zh-CN': '布置销售任务', en: 'Assign the sales tasks' },
          source: { doc: '002', where: 'SC-004 step 2, l.7', quote: '布置销售任务' }
        },
        {
          text: {
            'zh-CN': '签准后的销售计划呈报公司总经理',
            en: 'Report the approved plan to the general manager'
          },
          source: {
            doc: '002',
            where: 'SC-004 step 3, l.9',
            quote: '签准后的销售计划由大客户部经理呈报公司总经理'
          }
        },
        {
          text: { 'zh-CN': '如有必要，转交财务经理', en: 'Pass it to the finance manager if needed' },
          source: { doc: '002', where: 'SC-004 step 3, l.9', quote: '如有必要还应转交财务经理' }
        }
      ]
    },
    {
      key: 'execute',
      name: { 'zh-CN': '按计划实施', en: 'Carry out the plan' },
      department: { 'zh-CN': '大客户经理', en: 'Account managers' },
      source: { doc: '002', where: 'SC-004 step 4, l.9', quote: '大客户经理接受销售任务后按计划实施' },
      checklist: [
        {
          text: { 'zh-CN': '接受销售任务', en: 'Accept the sales tasks' },
          source: { doc: '002', where: 'SC-004 step 4, l.9', quote: '大客户经理接受销售任务' }
        },
        {
          text: { 'zh-CN': '按计划实施', en: 'Carry out the plan' },
          source: { doc: '002', where: 'SC-004 step 4, l.9', quote: '按计划实施' }
        },
        {
          text: { 'zh-CN': '进入顾客信息反馈流程', en: 'Pass into the customer-feedback process' },
          source: { doc: '002', where: 'SC-004 step 4, l.9', quote: '进入顾客信息反馈流程' }
        }
      ]
    }
  ],
  // The sheet is due on the 26th; on a day off, the working day before (the rule).
  recurring: [
    {
      title: { 'zh-CN': '月度销售计划', en: 'Monthly sales plan' },
      every: { kind: 'monthly', day: 26 },
      nonWorking: 'before',
      leadDays: 0,
      paused: false,
      source: { doc: '002', where: 'SC-004 step 1, l.7', quote: '每月26日以销售计划表的形式' }
    }
  ]
};
