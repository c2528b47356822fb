import type { BoardTemplate } from '../types';

/**
 * Customer complaint handling, from 000 三、销售管理流程 6、客户投诉管理流程 (l.45; research §10), a flattened
 * real-estate flowchart: the referral to 物业服务中心 is generalised to "the responsible department" and the
 * branch order is the research's reading. No gate or time limit is stated; the WIP limit is our suggestion,
 * on investigation rather than intake because a complaint cannot be refused.
 */
export const customerComplaint: BoardTemplate = {
  id: 'customer-complaint',
  kind: 'builtin',
  name: { 'zh-CN': '客户投诉管理', en: 'Customer complaint handling' },
  description: {
    'zh-CN':
      '客户来电或亲临现场投诉，销售人员了解投诉情况及内容；属本部门问题的处理后将结果反馈客户并存档留底，属非本部门问题的指引客户到责任部门（原文为物业服务中心）填写“客户投诉接收单”。',
    en: 'A customer complains by phone or in person and the sales staff establish the facts. Problems the department owns are handled, the result is fed back to the customer and filed; other problems are referred to the responsible department (the property service centre in the source) with a complaint form.'
  },
  sources: [
    { doc: '000', where: '三、销售管理流程 6、客户投诉管理流程, l.45' },
    { doc: '004', where: '客户服务部 duties, l.543, l.587' }
  ],
  stages: [
    {
      key: 'received',
      name: { 'zh-CN': '客户来电/亲临现场投诉', en: 'Complaint received (phone or in person)' },
      department: { 'zh-CN': '销售人员（或客户服务部）', en: 'Sales staff (or customer service)' },
      source: { doc: '000', where: '6、客户投诉管理流程, l.45', quote: '客户来电\\亲临现场投诉' },
      checklist: [
        {
          text: {
            'zh-CN': '记录投诉（来电或亲临现场）',
            en: 'Log the complaint (by phone or in person)'
          },
          source: { doc: '000', where: '6、客户投诉管理流程, l.45', quote: '客户来电\\亲临现场投诉' }
        }
      ]
    },
    {
      key: 'investigate',
      name: { 'zh-CN': '了解投诉情况及内容', en: 'Investigate the complaint' },
      department: { 'zh-CN': '销售人员（或客户服务部）', en: 'Sales staff (or customer service)' },
      source: { doc: '000', where: '6、客户投诉管理流程, l.45', quote: '销售人员 了解投诉情况及内容' },
      checklist: [
        {
          text: { 'zh-CN': '了解投诉情况及内容', en: 'Establish the facts and what the complaint is about' },
          source: { doc: '000', where: '6、客户投诉管理流程, l.45', quote: '了解投诉情况及内容' }
        },
        {
          text: {
            'zh-CN': '判断属本部门问题还是非本部门问题',
            en: "Decide whether it is this department's problem or another's"
          },
          source: { doc: '000', where: '6、客户投诉管理流程, l.45', quote: '属本部门问题 属非本部门问题' }
        },
        {
          text: {
            'zh-CN': '非本部门问题：指引客户到责任部门（物业服务中心）填写“客户投诉接收单”',
            en: 'If not ours: refer the customer to the responsible department (property service centre) to fill in a complaint form'
          },
          source: {
            doc: '000',
            where: '6、客户投诉管理流程, l.45',
            quote: '销售人员指引客户到物业服务中心填写“客户投诉接收单”'
          }
        }
      ],
      wipLimit: {
        limit: 5,
        why: {
          'zh-CN': '我们的建议，文件未规定：小团队同时调查的投诉不宜过多，超出时先清理积压再接手。',
          en: 'Our suggestion; the document sets none: a small team should not investigate too many complaints at once, so clear the backlog first.'
        }
      }
    },
    {
      key: 'feedback',
      name: { 'zh-CN': '将处理结果反馈客户', en: 'Feed the result back to the customer' },
      department: { 'zh-CN': '销售人员（或客户服务部）', en: 'Sales staff (or customer service)' },
      source: { doc: '000', where: '6、客户投诉管理流程, l.45', quote: '将处理结果反馈客户' },
      checklist: [
        {
          text: { 'zh-CN': '处理属本部门的问题', en: "Resolve the problem if it is this department's" },
          source: { doc: '000', where: '6、客户投诉管理流程, l.45', quote: '属本部门问题' }
        },
        {
          text: { 'zh-CN': '将处理结果反馈客户', en: 'Tell the customer the outcome' },
          source: { doc: '000', where: '6、客户投诉管理流程, l.45', quote: '将处理结果反馈客户' }
        }
      ]
    },
    {
      key: 'filed',
      name: { 'zh-CN': '存档留底', en: 'File a copy' },
      source: { doc: '000', where: '6、客户投诉管理流程, l.45', quote: '存档留底' },
      checklist: [
        {
          text: { 'zh-CN': '投诉及处理结果存档留底', en: 'File the complaint and its outcome' },
          source: { doc: '000', where: '6、客户投诉管理流程, l.45', quote: '存档留底' }
        }
      ]
    }
  ]
};
