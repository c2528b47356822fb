import type { BoardTemplate } from '../types';

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
    { doc: '004', where: '品牌营销中心工作流程 (attributed to this flow, inferred), l.675–678' }
  ],
  dateLabel: { 'zh-CN': '节日日期', en: 'Holiday date' },
  stages: [
    {
      key: 'annual-plan',
      name: { 'zh-CN': '规划年度营销方案', en: 'Plan the annual marketing programme' },
      department: { 'zh-CN': '企划部', en: 'Planning department' },
      source: { doc: '004', where: '日常节假日 flowchart label, l.735', quote: '规划年度营销方案' },
      checklist: [
        {
          text: {
            'zh-CN': '针对重大节日、特殊日期制定初步年度工作计划',
            en: 'Draft the annual work plan for major holidays and special dates'
          },
          source: {
            doc: '004',
            where: '日常节假日, l.735',
            quote: '针对重大节日,特殊日期策划定制初步年度工作计划'
          }
        },
        {
          text: {
            'zh-CN': '结合市场宏观表现与竞品情况做出预判',
            en: 'Forecast from the overall market and competitors'
          },
          source: { doc: '004', where: '日常节假日, l.735', quote: '宏观表现与竞品情况做出预判' }
        },
        {
          text: {
            'zh-CN': '制定未来一年的基本营销推广计划',
            en: 'Set the basic promotion plan for the coming year'
          },
          source: { doc: '004', where: '日常节假日, l.735', quote: '制定未来一年的基本营销推广计划' }
        }
      ],
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
      checklist: [
        {
          text: { 'zh-CN': '掌握行业动向', en: 'Track what the industry is doing' },
          source: { doc: '004', where: '日常节假日, l.735', quote: '前期迅速掌握珠宝行业动向' }
        },
        {
          text: {
            'zh-CN': '分析其他品牌和客户情报业务现状',
            en: 'Analyse competitor brands and customer intelligence'
          },
          source: { doc: '004', where: '日常节假日, l.735', quote: '基于其他品牌和客户情报业务现状分析' }
        },
        {
          text: { 'zh-CN': '确定节假日活动时间段', en: 'Fix the promotion period' },
          source: { doc: '004', where: '日常节假日, l.735', quote: '确定节假日活动时间段' }
        }
      ],
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
      checklist: [
        {
          text: { 'zh-CN': '分散走访市场进行调研', en: 'Visit the market in the field' },
          source: { doc: '004', where: '日常节假日, l.735', quote: '策划组分散走访市场进行调研' }
        },
        {
          text: {
            'zh-CN': '收集商品、政策、消费者、促销品、柜台装饰品资料',
            en: 'Gather information on products, policy, consumers, giveaways and counter decoration'
          },
          source: {
            doc: '004',
            where: '日常节假日, l.735',
            quote: '对商品、政策、消费者、促销品、柜台装饰品等'
          }
        }
      ]
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
      checklist: [
        {
          text: { 'zh-CN': '做市场调研分享报告', en: 'Share the market research findings' },
          source: { doc: '004', where: '日常节假日, l.735', quote: '对市场调研内容做分享报告' }
        },
        {
          text: {
            'zh-CN': '结合本品牌与各店实际情况进行分析',
            en: "Analyse against the brand's and each store's situation"
          },
          source: { doc: '004', where: '日常节假日, l.735', quote: '结合本品牌与各店实际情况进行分析' }
        },
        {
          text: {
            'zh-CN': '开展头脑风暴，做思维创新和经验交流',
            en: 'Brainstorm new ideas and share experience'
          },
          source: { doc: '004', where: '日常节假日, l.735', quote: '做思维创新和经验交流' }
        },
        {
          text: { 'zh-CN': '首次会议后初拟活动方案', en: 'Draft the promotion plan after the first meeting' },
          source: { doc: '004', where: '日常节假日, l.735', quote: '首次会议后,初拟活动方案' }
        },
        {
          text: { 'zh-CN': '设计组做整体活动形象设计', en: 'Design group: overall visual design' },
          source: { doc: '004', where: '日常节假日, l.735', quote: '设计组针对活动做整体' }
        },
        {
          text: {
            'zh-CN': '影视组收集前期素材、创新表达形式',
            en: 'Video group: collect material and find new ways to present it'
          },
          source: { doc: '004', where: '日常节假日, l.735', quote: '影视组前期素材收集和如何表达形式做创新' }
        },
        {
          text: {
            'zh-CN': '商品组根据活动商品需求整理货品',
            en: 'Merchandise group: prepare the goods the promotion needs'
          },
          source: { doc: '004', where: '日常节假日, l.735', quote: '商品组根据活动商品' }
        },
        {
          text: { 'zh-CN': '采购部门统计促销品明细', en: 'Purchasing: list the giveaways' },
          source: { doc: '004', where: '日常节假日, l.735', quote: '采购部门根据活动内容统计促销品明细' }
        }
      ]
    },
    {
      key: 'final-plan',
      name: { 'zh-CN': '确认最终方案', en: 'Confirm the final plan' },
      department: {
        'zh-CN': '企划部、设计影视部、货品部',
        en: 'Planning, design and video, and merchandise departments'
      },
      source: { doc: '004', where: '日常节假日, l.735; overview label, l.675–677', quote: '确认最终方案' },
      checklist: [
        {
          text: { 'zh-CN': '会议讨论初拟方案', en: 'Discuss the draft plan in a meeting' },
          source: { doc: '004', where: '日常节假日, l.735', quote: '针对初拟的方案进行讨论' }
        },
        {
          text: { 'zh-CN': '根据讨论修改方案', en: 'Revise the plan after the discussion' },
          source: { doc: '004', where: '日常节假日, l.735', quote: '做N次修改' }
        },
        {
          text: { 'zh-CN': '确认最终方案', en: 'Confirm the final plan' },
          source: { doc: '004', where: '日常节假日, l.735', quote: '确认最终方案' }
        }
      ],
      // "做N次修改": the draft goes back to where it was first drafted as many times as needed.
      sendBackTo: {
        stage: 'brainstorm',
        source: { doc: '004', where: '日常节假日, l.735', quote: '针对初拟的方案进行讨论,做N次修改' }
      }
    },
    {
      key: 'regional-confirm',
      name: { 'zh-CN': '区域确认方案', en: 'Regional confirmation of the plan' },
      department: { 'zh-CN': '加盟服务；终端店', en: 'Franchise service; stores' },
      source: { doc: '004', where: '日常节假日 flowchart label, l.736–737', quote: '区域确认方案' },
      checklist: [
        {
          text: { 'zh-CN': '给各连锁店下发活动方案', en: 'Send the plan to every store' },
          source: { doc: '004', where: 'l.678 (attributed, inferred)', quote: '给各连锁店下发活动方案' }
        },
        {
          text: {
            'zh-CN': '根据各店情况修改方案（活动时间、政策、物料、促销品、发货时间）',
            en: 'Adapt the plan per store (dates, policy, materials, giveaways, shipping)'
          },
          source: { doc: '004', where: 'l.678 (attributed, inferred)', quote: '根据各店情况做方案修改' }
        },
        {
          text: { 'zh-CN': '确定分地区最终方案', en: 'Fix the final plan for each region' },
          source: { doc: '004', where: 'l.678 (attributed, inferred)', quote: '确定分地区最终方案' }
        }
      ]
    },
    {
      key: 'execution',
      name: { 'zh-CN': '活动执行', en: 'Execution' },
      department: { 'zh-CN': '各连锁店；品牌部执行专员', en: 'Stores; brand department field staff' },
      source: { doc: '004', where: '日常节假日 phase label, l.738', quote: '活动执行' },
      checklist: [
        {
          text: { 'zh-CN': '确认物料发货已到达店内', en: 'Confirm the materials reached each store' },
          source: {
            doc: '004',
            where: 'l.678 (attributed, inferred)',
            quote: '和各连锁店确认物料发货是否到达店内'
          }
        },
        {
          text: { 'zh-CN': '根据各店突发事件做紧急处理', en: 'Handle store emergencies' },
          source: { doc: '004', where: 'l.678 (attributed, inferred)', quote: '根据各店突发事件做紧急处理' }
        },
        {
          text: {
            'zh-CN': '各店需要帮助时，品牌部派执行专员到店执行',
            en: 'Send brand-department staff to stores that ask for help'
          },
          source: {
            doc: '004',
            where: 'l.678 (attributed, inferred)',
            quote: '由品牌部派执行专员进行店内活动执行'
          }
        }
      ]
    },
    {
      key: 'summary',
      name: { 'zh-CN': '活动总结', en: 'Summary' },
      source: { doc: '004', where: '日常节假日 phase label, l.738', quote: '活动总结' },
      checklist: [
        {
          text: { 'zh-CN': '走访和后期店内沟通', en: 'Visit and follow up with the stores' },
          source: { doc: '004', where: 'l.678 (attributed, inferred)', quote: '经过走访和后期店内沟通' }
        },
        {
          text: {
            'zh-CN': '收集店内活动执行情况、店头销售数据',
            en: 'Collect how the promotion ran and store sales data'
          },
          source: {
            doc: '004',
            where: 'l.678 (attributed, inferred)',
            quote: '收集店内活动执行情况,店头销售数据'
          }
        },
        {
          text: { 'zh-CN': '以PPT形式总结本次活动的最终结果', en: 'Summarise the final results in a PPT' },
          source: { doc: '004', where: 'l.678 (attributed, inferred)', quote: '总结本次活动的最终结果' }
        }
      ]
    }
  ]
};
