import type { BoardTemplate } from '../types';
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
    { doc: '002', where: 'SC-002 市场调研流程, l.5–7' }
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
      checklist: [
        {
          text: { 'zh-CN': '明确市场调研的目标', en: 'State the research objective' },
          source: { doc: '003', where: '§3.1, l.265', quote: '明确市场调研的目标' }
        },
        {
          text: {
            'zh-CN': '确定调研类型（产品、消费者、竞争对手、营销模式）',
            en: 'Choose the type (product, consumer, competitor, marketing model)'
          },
          source: {
            doc: '003',
            where: '§3.1, l.265',
            quote: '产品调研、消费者调研、竞争对手调研、营销模式调研等'
          }
        },
        {
          text: {
            'zh-CN': '确定调研方式（与市场研究公司、广告公司合作或自行组织）',
            en: 'Choose the mode (research or ad agency, or in-house)'
          },
          source: {
            doc: '003',
            where: '§3.1, l.265',
            quote: '与市场研究公司、广告公司合作 ,又包括公司自行组织的调研'
          }
        }
      ]
    },
    {
      key: 'plan',
      name: { 'zh-CN': '制定调研计划', en: 'Draft the research plan' },
      department: { 'zh-CN': '市场经理', en: 'Market manager' },
      source: { doc: '003', where: '§3.1 市场调研管理流程, l.269', quote: '制定调研计划' },
      checklist: [
        {
          text: { 'zh-CN': '确定调研人员', en: 'Choose the researchers' },
          source: { doc: '003', where: '§3.1 市场调研管理流程, l.269', quote: '确定调研人员' }
        },
        {
          text: { 'zh-CN': '确定调研对象与调研地点', en: 'Choose subjects and locations' },
          source: { doc: '003', where: '§3.1 市场调研管理流程, l.269', quote: '确定调研对象与调研地点' }
        },
        {
          text: { 'zh-CN': '确定调研预算', en: 'Set the research budget' },
          source: { doc: '003', where: '§3.1 市场调研管理流程, l.269', quote: '确定调研预算' }
        },
        {
          text: {
            'zh-CN': '编制《市场调研策划书》（计划、内容、方案、预算）',
            en: 'Write the research plan document (plan, content, method, budget)'
          },
          source: {
            doc: '002',
            where: 'SC-001 step 1, l.3',
            quote: '市场经理编制市场调研策划书,包括:调研计划、内容、方案、预算等内容'
          }
        }
      ]
    },
    {
      key: 'plan-review',
      name: { 'zh-CN': '审核调研策划书', en: 'Review the research plan' },
      department: { 'zh-CN': '产品市场部', en: 'Product marketing department' },
      source: { doc: '002', where: 'SC-001 steps 2–4, l.3–5', quote: '产品市场部经理审核市场调研策划书' },
      checklist: [
        {
          text: {
            'zh-CN': '产品市场部经理审核策划书并提出修改意见',
            en: 'The product marketing manager reviews the plan and gives comments'
          },
          source: {
            doc: '002',
            where: 'SC-001 step 2, l.3',
            quote: '产品市场部经理审核市场调研策划书,并提出修改意见'
          }
        },
        {
          text: {
            'zh-CN': '事业部经理审批调研预算费用',
            en: 'The division manager approves the research budget'
          },
          source: { doc: '002', where: 'SC-001 step 3, l.3', quote: '事业部经理对调研预算费用进行审批' }
        },
        {
          text: {
            'zh-CN': '年度、月度、重大专项调研：呈报总经理审核并签署意见',
            en: 'Annual, monthly or major special research: the general manager reviews and signs an opinion'
          },
          source: {
            doc: '002',
            where: 'SC-001 step 3, l.3–5',
            quote: '年度、月度、重大专项调研计划,须呈报总经理审核并签署意'
          }
        },
        {
          text: {
            'zh-CN': '产品市场部牵头共同签准策划书',
            en: 'Product marketing leads the joint sign-off of the plan'
          },
          source: {
            doc: '002',
            where: 'SC-001 step 4, l.5',
            quote: '产品市场部牵头技术总监、公司总经理、大客户部经理共同签准市场调研策划书'
          }
        }
      ],
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
        }
      },
      sendBackTo: {
        stage: 'plan',
        source: { doc: '002', where: 'SC-001 step 2, l.3', quote: '并提出修改意见' }
      }
    },
    {
      key: 'questionnaire',
      name: { 'zh-CN': '制定调查问卷', en: 'Draft the questionnaire' },
      department: { 'zh-CN': '市场经理', en: 'Market manager' },
      source: { doc: '003', where: '§3.1 市场调研管理流程, l.269', quote: '制定调查问卷' },
      checklist: [
        {
          text: { 'zh-CN': '按策划书准备调查问卷', en: 'Prepare the questionnaire from the plan' },
          source: {
            doc: '002',
            where: 'SC-002 step 1, l.5',
            quote: '市场经理按市场调研策划书准备市场调研调卷'
          }
        },
        {
          text: {
            'zh-CN': '准备市场信息收集表等相关材料',
            en: 'Prepare the market information form and other material'
          },
          source: { doc: '002', where: 'SC-002 step 1, l.5', quote: '市场信息收集表等相关材料' }
        },
        {
          text: { 'zh-CN': '调查问卷经审核', en: 'Have the questionnaire reviewed' },
          source: { doc: '003', where: '§3.1 市场调研管理流程, l.269', quote: '制定调查问卷 →审核' }
        }
      ]
    },
    {
      key: 'fieldwork',
      name: { 'zh-CN': '调查实施', en: 'Fieldwork' },
      department: {
        'zh-CN': '大客户部经理布置；大客户经理实施',
        en: 'Key-account department manager assigns; key-account managers carry out'
      },
      source: { doc: '003', where: '§3.1 市场调研管理流程, l.269', quote: '调查实施' },
      checklist: [
        {
          text: {
            'zh-CN': '为大客户经理布置调研任务',
            en: 'Assign research tasks to the key-account managers'
          },
          source: { doc: '002', where: 'SC-002 step 2, l.5', quote: '大客户部经理为大客户经理布置调研任务' }
        },
        {
          text: {
            'zh-CN': '必要时由市场经理进行调研培训',
            en: 'Market manager trains the researchers if needed'
          },
          source: { doc: '002', where: 'SC-002 step 2, l.5', quote: '必要时市场经理进行调研培训' }
        },
        {
          text: { 'zh-CN': '按照市场调研方案开展调研', en: 'Carry out the research to the plan' },
          source: { doc: '002', where: 'SC-002 step 3, l.5', quote: '大客户经理按照市场调研方案开展市场调研' }
        },
        {
          text: {
            'zh-CN': '收集竞争对手信息、客户需求信息及专项要求',
            en: 'Gather competitor information, customer needs and special requirements'
          },
          source: { doc: '002', where: 'SC-002, l.5–7', quote: '市场调研内容包括竞争对手信息' }
        }
      ]
    },
    {
      key: 'data',
      name: { 'zh-CN': '数据收集与整理', en: 'Data collection and collation' },
      department: {
        'zh-CN': '大客户经理反馈；市场经理整理',
        en: 'Key-account managers report back; the market manager collates'
      },
      source: { doc: '003', where: '§3.1 市场调研管理流程, l.269', quote: '数据收集与整理' },
      checklist: [
        {
          text: { 'zh-CN': '调研结果反馈给市场经理', en: 'Results go back to the market manager' },
          source: { doc: '002', where: 'SC-002 step 3, l.5', quote: '调研结果反馈给市场经理' }
        },
        {
          text: {
            'zh-CN': '结合自身调研结果审核、分析调研资料',
            en: 'Check and analyse the material alongside own findings'
          },
          source: {
            doc: '002',
            where: 'SC-002 step 4, l.5',
            quote: '市场经理结合自身调研的结果,对大客户经理提供的市场调研资料进行审核、分析'
          }
        }
      ]
    },
    {
      key: 'report',
      name: { 'zh-CN': '撰写调研报告', en: 'Write the research report' },
      department: { 'zh-CN': '市场经理', en: 'Market manager' },
      source: { doc: '003', where: '§3.1 市场调研管理流程, l.271', quote: '撰写调研报告' },
      checklist: [
        {
          text: { 'zh-CN': '进行市场分析、市场预测', en: 'Analyse and forecast the market' },
          source: { doc: '003', where: '§3.1, l.265', quote: '进行市场分析、市场预测' }
        },
        {
          text: { 'zh-CN': '编写《市场调研报告》', en: 'Write the market research report' },
          source: { doc: '002', where: 'SC-002 step 4, l.5', quote: '并编写市场调研报告' }
        }
      ],
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
      checklist: [
        {
          text: {
            'zh-CN': '转入市场推广计划制订、审批流程',
            en: 'Hand over to promotion planning and approval'
          },
          source: { doc: '002', where: 'SC-002 step 5, l.5', quote: '进入市场推广计划制订、审批流程' }
        }
      ]
    }
  ]
};
