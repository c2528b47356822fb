import type { BoardTemplate } from '../types';

/**
 * Promotional material production, from 002 SC-006 宣传资料制作流程 (l.9–11; research §7). 市场经理 does the
 * work; the sign-off is 各部门经理审阅设计稿. Their comments are normally applied in 完善存档 (one round);
 * a draft they reject outright goes back to design. Printing is optional ("如需印刷").
 */
export const promoMaterialProduction: BoardTemplate = {
  id: 'promo-material-production',
  kind: 'builtin',
  name: { 'zh-CN': '宣传资料制作', en: 'Promotional material production' },
  description: {
    'zh-CN':
      '大客户部经理提出宣传材料设计需求，市场经理设计，各部门经理审阅设计稿后完善存档；如需印刷，经公司采购部提交印刷厂，印刷完成后由行政助理办理入库。',
    en: 'The key-account manager requests promotional material, the market manager designs it, department managers review the draft and it is finalised and archived. If print is needed, purchasing sends it to the printer and the administrative assistant books the printed stock in.'
  },
  sources: [{ doc: '002', where: 'SC-006 宣传资料制作流程, l.9–11' }],
  dateLabel: { 'zh-CN': '需要日期', en: 'Date needed' },
  stages: [
    {
      key: 'request',
      name: { 'zh-CN': '提出设计需求', en: 'Request the material' },
      department: { 'zh-CN': '大客户部经理', en: 'Key-account department manager' },
      source: { doc: '002', where: 'SC-006 step 1, l.9', quote: '大客户部经理提出宣传材料设计需求' },
      checklist: [
        {
          text: { 'zh-CN': '说明宣传材料类型', en: 'State the type of material' },
          source: { doc: '002', where: 'SC-006 step 1, l.9', quote: '包括类型、格式、内容、时间要求等' }
        },
        {
          text: { 'zh-CN': '说明格式', en: 'State the format' },
          source: { doc: '002', where: 'SC-006 step 1, l.9', quote: '包括类型、格式、内容、时间要求等' }
        },
        {
          text: { 'zh-CN': '说明内容', en: 'State the content' },
          source: { doc: '002', where: 'SC-006 step 1, l.9', quote: '包括类型、格式、内容、时间要求等' }
        },
        {
          text: { 'zh-CN': '写明时间要求（卡片日期）', en: "State when it is needed (the card's date)" },
          source: { doc: '002', where: 'SC-006 step 1, l.9', quote: '时间要求' }
        }
      ]
    },
    {
      key: 'design',
      name: { 'zh-CN': '设计宣传材料', en: 'Design the material' },
      department: { 'zh-CN': '市场经理', en: 'Market manager' },
      source: {
        doc: '002',
        where: 'SC-006 step 2, l.9',
        quote: '市场经理接收部门经理下达任务后,设计宣传材料'
      },
      checklist: [
        {
          text: { 'zh-CN': '接收部门经理下达的任务', en: 'Take on the task from the department manager' },
          source: { doc: '002', where: 'SC-006 step 2, l.9', quote: '市场经理接收部门经理下达任务' }
        },
        {
          text: { 'zh-CN': '设计宣传材料', en: 'Design the material' },
          source: { doc: '002', where: 'SC-006 step 2, l.9', quote: '设计宣传材料' }
        },
        {
          text: { 'zh-CN': '如有需要，协调公司美工', en: "Bring in the company's designer if needed" },
          source: { doc: '002', where: 'SC-006 step 2, l.9', quote: '如有需要,可协调公司美工' }
        }
      ],
      wipLimit: {
        limit: 3,
        why: {
          'zh-CN': '我们的建议，文件未规定：此流程中由一名市场经理设计全部材料，同时进行的不宜过多。',
          en: 'Our suggestion; the document sets none: one market manager designs everything in this flow, so keep few drafts in progress.'
        }
      }
    },
    {
      key: 'review',
      name: { 'zh-CN': '审阅设计稿', en: 'Review the design draft' },
      department: { 'zh-CN': '各部门经理', en: 'Department managers' },
      source: { doc: '002', where: 'SC-006 step 3, l.9', quote: '各部门经理审阅设计稿' },
      checklist: [
        {
          text: { 'zh-CN': '各部门经理审阅设计稿', en: 'Department managers review the draft' },
          source: { doc: '002', where: 'SC-006 step 3, l.9', quote: '各部门经理审阅设计稿' }
        },
        {
          text: { 'zh-CN': '提出修改意见', en: 'Give revision comments' },
          source: { doc: '002', where: 'SC-006 step 3, l.9', quote: '并提出修改意见' }
        }
      ],
      gate: {
        approvers: [{ title: { 'zh-CN': '各部门经理', en: 'Department managers' }, level: 'manager' }],
        source: { doc: '002', where: 'SC-006 step 3, l.9', quote: '各部门经理审阅设计稿并提出修改意见' },
        reviewsDraft: true,
        separateDuties: true
      },
      sendBackTo: {
        stage: 'design',
        source: {
          doc: '002',
          where: 'SC-006 step 3, l.9',
          quote: '提出修改意见',
          inferred:
            'SC-006 has the market manager apply the comments after the review (完善宣传材料后存档, the next stage); a return to design when they need a new draft is our reading.'
        }
      }
    },
    {
      key: 'finalise',
      name: { 'zh-CN': '完善存档', en: 'Finalise and archive' },
      department: { 'zh-CN': '市场经理', en: 'Market manager' },
      source: { doc: '002', where: 'SC-006 step 3, l.9', quote: '市场经理完善宣传材料后存档' },
      checklist: [
        {
          text: { 'zh-CN': '按修改意见完善宣传材料', en: 'Apply the review comments' },
          source: { doc: '002', where: 'SC-006 step 3, l.9', quote: '市场经理完善宣传材料' }
        },
        {
          text: { 'zh-CN': '宣传材料存档', en: 'Archive the final material' },
          source: { doc: '002', where: 'SC-006 step 3, l.9', quote: '完善宣传材料后存档' }
        }
      ]
    },
    {
      key: 'print',
      name: { 'zh-CN': '印刷（如需印刷）', en: 'Printing (if needed)' },
      department: { 'zh-CN': '市场经理、公司采购部', en: 'Market manager; purchasing department' },
      source: { doc: '002', where: 'SC-006 step 4, l.9–11', quote: '如需印刷,市场经理填写采购申请单' },
      checklist: [
        {
          text: { 'zh-CN': '填写采购申请单', en: 'Fill in a purchase request form' },
          source: { doc: '002', where: 'SC-006 step 4, l.9', quote: '市场经理填写采购申请单' }
        },
        {
          text: {
            'zh-CN': '协调公司采购部将材料提交印刷厂',
            en: 'Have purchasing send the files to the printer'
          },
          source: { doc: '002', where: 'SC-006 step 4, l.11', quote: '协调公司采购部将材料提交印刷厂' }
        }
      ]
    },
    {
      key: 'stock-in',
      name: { 'zh-CN': '入库', en: 'Book into stock' },
      department: { 'zh-CN': '行政助理', en: 'Administrative assistant' },
      source: { doc: '002', where: 'SC-006 step 5, l.11', quote: '印刷完成后行政助理办理入库' },
      checklist: [
        {
          text: { 'zh-CN': '印刷完成后办理入库', en: 'Book the printed material into stock' },
          source: { doc: '002', where: 'SC-006 step 5, l.11', quote: '印刷完成后行政助理办理入库' }
        }
      ]
    }
  ]
};
