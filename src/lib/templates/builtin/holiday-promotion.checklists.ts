import type { SourceRef, TemplateChecklistItem } from '../types';

// l.678 carries the text of the last three steps but sits under no flow heading.
const L678 = {
  doc: '004',
  where: '品牌营销中心工作流程, l.678',
  inferred:
    "l.678 sits under no flow heading; its stores, regional plans and PPT summary match the holiday flow (l.733–738), so we read it as that flow's text."
} as const satisfies SourceRef;

/** l.678's closing step: what the store-opening summary uses too, since that page is cut off. */
export const RESULTS_SUMMARY: TemplateChecklistItem[] = [
  {
    text: {
      'zh-CN': '收集店内活动执行情况、店头销售数据',
      en: 'Collect how the promotion ran and store sales data'
    },
    source: { ...L678, quote: '收集店内活动执行情况,店头销售数据' }
  },
  {
    text: { 'zh-CN': '以PPT形式总结本次活动的最终结果', en: 'Summarise the final results in a PPT' },
    source: { ...L678, quote: '总结本次活动的最终结果' }
  }
];

/** The checklists of holiday-promotion.ts by stage key, kept apart so the stages and their rules read on one screen. */
export const holidayChecklists = {
  'annual-plan': [
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
  deployment: [
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
  'market-research': [
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
  ],
  brainstorm: [
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
  ],
  'final-plan': [
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
  'regional-confirm': [
    {
      text: { 'zh-CN': '给各连锁店下发活动方案', en: 'Send the plan to every store' },
      source: { ...L678, quote: '给各连锁店下发活动方案' }
    },
    {
      text: {
        'zh-CN': '根据各店情况修改方案（活动时间、政策、物料、促销品、发货时间）',
        en: 'Adapt the plan per store (dates, policy, materials, giveaways, shipping)'
      },
      source: { ...L678, quote: '根据各店情况做方案修改' }
    },
    {
      text: { 'zh-CN': '确定分地区最终方案', en: 'Fix the final plan for each region' },
      source: { ...L678, quote: '确定分地区最终方案' }
    }
  ],
  execution: [
    {
      text: { 'zh-CN': '确认物料发货已到达店内', en: 'Confirm the materials reached each store' },
      source: { ...L678, quote: '和各连锁店确认物料发货是否到达店内' }
    },
    {
      text: { 'zh-CN': '根据各店突发事件做紧急处理', en: 'Handle store emergencies' },
      source: { ...L678, quote: '根据各店突发事件做紧急处理' }
    },
    {
      text: {
        'zh-CN': '各店需要帮助时，品牌部派执行专员到店执行',
        en: 'Send brand-department staff to stores that ask for help'
      },
      source: { ...L678, quote: '由品牌部派执行专员进行店内活动执行' }
    }
  ],
  summary: [
    {
      text: { 'zh-CN': '走访和后期店内沟通', en: 'Visit and follow up with the stores' },
      source: { ...L678, quote: '经过走访和后期店内沟通' }
    },
    ...RESULTS_SUMMARY
  ]
} satisfies Record<string, TemplateChecklistItem[]>;
