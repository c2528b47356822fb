import type { BoardTemplate } from '../types';
import { RESULTS_SUMMARY } from './holiday-promotion.checklists';

/**
 * Store opening event, from 004 企划部部门项目工作流程 — 开业活动 (l.740–741; research §6). The page is cut
 * off at l.742; its closing 活动总结 stage is read from the phase labels printed with the holiday flow (l.738),
 * marked inferred. 004 has no managerial sign-off: the market department's and the store's confirmation are
 * checklist items. Revisions of the plan go back to where it was drafted.
 */
export const storeOpening: BoardTemplate = {
  id: 'store-opening',
  kind: 'builtin',
  name: { 'zh-CN': '开业活动', en: 'Store opening event' },
  description: {
    'zh-CN':
      '市场部通知新店开业时间及相关要求并下单后，企划部了解店内需求、开展头脑风暴、与市场部和店内确认方案、确认物料到店，支援开业活动执行并做活动总结。',
    en: "The market department announces a new store's opening date and requirements and the job is ordered; the planning department gathers the store's needs, brainstorms, confirms the plan with the market department and the store, checks that materials arrived, supports the opening event and sums it up."
  },
  sources: [
    { doc: '004', where: '企划部部门项目工作流程 — 开业活动, l.740–741' },
    { doc: '004', where: '日常节假日 phase labels, l.738' }
  ],
  dateLabel: { 'zh-CN': '开业日期', en: 'Opening date' },
  stages: [
    {
      key: 'project-start',
      name: { 'zh-CN': '开业活动立项', en: 'Open the store-opening job' },
      department: {
        'zh-CN': '市场部；门店服务部门（加盟商服务中心）',
        en: 'Market department; store service team (franchisee service centre)'
      },
      source: {
        doc: '004',
        where: '开业活动, l.741',
        quote: '开业活动立项 由市场部通知开业新店时间及相关要求'
      },
      checklist: [
        {
          text: {
            'zh-CN': '接收市场部的开业新店通知',
            en: "Receive the market department's new-store notice"
          },
          source: { doc: '004', where: '开业活动 flowchart label, l.741', quote: '接收开业新店通知 市场部' }
        },
        {
          text: { 'zh-CN': '确认开业新店时间', en: "Record the store's opening date" },
          source: { doc: '004', where: '开业活动, l.741', quote: '由市场部通知开业新店时间' }
        },
        {
          text: { 'zh-CN': '记录开业活动的相关要求', en: 'Record the requirements for the opening' },
          source: { doc: '004', where: '开业活动, l.741', quote: '开业新店时间及相关要求' }
        },
        {
          text: {
            'zh-CN': '门店服务部门（加盟商服务中心）下单',
            en: 'Store service team (franchisee service centre) places the order'
          },
          source: { doc: '004', where: '开业活动, l.741', quote: '并由加盟商服务中心下单' }
        }
      ]
    },
    {
      key: 'store-needs',
      name: { 'zh-CN': '了解店内需求', en: "Understand the store's needs" },
      department: { 'zh-CN': '企划部', en: 'Planning department' },
      source: { doc: '004', where: '开业活动, l.741', quote: '了解店内需求与活动诉求,政策方针等' },
      checklist: [
        {
          text: { 'zh-CN': '了解店内需求', en: "Find out the store's needs" },
          source: { doc: '004', where: '开业活动, l.741', quote: '了解店内需求' }
        },
        {
          text: { 'zh-CN': '了解活动诉求', en: 'Find out what the event should achieve' },
          source: { doc: '004', where: '开业活动, l.741', quote: '活动诉求' }
        },
        {
          text: { 'zh-CN': '了解相关政策方针', en: 'Find out the applicable policies' },
          source: { doc: '004', where: '开业活动, l.741', quote: '政策方针等' }
        }
      ]
    },
    {
      key: 'brainstorm',
      name: { 'zh-CN': '头脑风暴', en: 'Brainstorm' },
      department: {
        'zh-CN': '企划部（设计组、影视组、商品组、采购部门）',
        en: 'Planning department with the design, video, merchandise and purchasing teams'
      },
      source: { doc: '004', where: '开业活动, l.741; label l.681', quote: '开展头脑风暴' },
      checklist: [
        {
          text: {
            'zh-CN': '结合品牌与区域实际情况分析店内信息',
            en: "Analyse the store's information against the brand and the region"
          },
          source: { doc: '004', where: '开业活动, l.741', quote: '结合本品牌与区域实际情况进行分析' }
        },
        {
          text: {
            'zh-CN': '开展头脑风暴，做思维创新和经验交流',
            en: 'Hold a brainstorm: new ideas and shared experience'
          },
          source: { doc: '004', where: '开业活动, l.741', quote: '开展头脑风暴' }
        },
        {
          text: { 'zh-CN': '首次会议后初拟活动方案', en: 'Draft the event plan after the first meeting' },
          source: { doc: '004', where: '开业活动, l.741', quote: '首次会议后,初拟活动方案' }
        },
        {
          text: { 'zh-CN': '设计组：整体活动形象设计', en: "Design team: the event's overall visual design" },
          source: { doc: '004', where: '开业活动, l.741', quote: '设计组针对活动做整体活动' }
        },
        {
          text: {
            'zh-CN': '影视组：前期素材收集与表达形式创新',
            en: 'Video team: gather footage and decide how to present it'
          },
          source: { doc: '004', where: '开业活动, l.741', quote: '影视组前期素材收集和如何表达形式做创新' }
        },
        {
          text: {
            'zh-CN': '商品组：根据活动商品需求整理货品',
            en: 'Merchandise team: prepare the goods the event needs'
          },
          source: { doc: '004', where: '开业活动, l.741', quote: '商品组根据活动商品需求' }
        },
        {
          text: { 'zh-CN': '采购部门：统计促销品明细', en: 'Purchasing: list the promotional giveaways' },
          source: { doc: '004', where: '开业活动, l.741', quote: '采购部门根据活动内容统计促销品明细' }
        }
      ]
    },
    {
      key: 'confirm-plan',
      name: { 'zh-CN': '确认方案', en: 'Confirm the plan' },
      department: {
        'zh-CN': '企划部，与市场部、店内',
        en: 'Planning department with the market department and the store'
      },
      source: { doc: '004', where: '开业活动, l.741', quote: '与市场部、店内确认方案' },
      checklist: [
        {
          text: { 'zh-CN': '与市场部确认方案', en: 'Market department confirms the plan' },
          source: { doc: '004', where: '开业活动, l.741', quote: '与市场部、店内确认方案' }
        },
        {
          text: { 'zh-CN': '与店内确认方案', en: 'The store confirms the plan' },
          source: { doc: '004', where: '开业活动, l.741', quote: '与市场部、店内确认方案' }
        },
        {
          text: { 'zh-CN': '确认活动时间与政策', en: 'Confirm the event dates and policy' },
          source: { doc: '004', where: '开业活动, l.741', quote: '活动时间、政策' }
        },
        {
          text: {
            'zh-CN': '确认制作物料、促销品及发货时间',
            en: 'Confirm the materials to produce, the giveaways and the shipping date'
          },
          source: { doc: '004', where: '开业活动, l.741', quote: '促销品及发货时间' }
        },
        {
          text: { 'zh-CN': '确认最终定稿方案', en: 'Settle the final plan' },
          source: { doc: '004', where: '开业活动, l.741', quote: '确认最终定稿方案' }
        }
      ],
      sendBackTo: {
        stage: 'brainstorm',
        source: {
          doc: '004',
          where: '开业活动, l.741',
          quote: '根据临时情况做方案修改',
          inferred:
            '004 says the plan is changed as circumstances require while it is confirmed; that the card goes back to the stage where the plan was drafted is our reading.'
        }
      }
    },
    {
      key: 'materials-delivered',
      name: { 'zh-CN': '物料发货确认', en: 'Confirm materials delivered' },
      department: { 'zh-CN': '企划部，与店内', en: 'Planning department with the store' },
      source: { doc: '004', where: '开业活动, l.741', quote: '和店内确认物料发货是否到达店内' },
      checklist: [
        {
          text: {
            'zh-CN': '和店内确认物料已到达店内',
            en: 'Confirm with the store that the materials arrived'
          },
          source: { doc: '004', where: '开业活动, l.741', quote: '和店内确认物料发货是否到达店内' }
        },
        {
          text: { 'zh-CN': '对各店突发事件做紧急处理', en: "Deal with any store's emergencies" },
          source: { doc: '004', where: '开业活动, l.741', quote: '根据各店突发事件做紧急处理' }
        },
        {
          text: {
            'zh-CN': '询问店内其他需求（如摄影摄像、市场执行）',
            en: 'Ask whether the store needs more (photo or video, on-site help)'
          },
          source: { doc: '004', where: '开业活动, l.741', quote: '是否需要其他要求(如摄影摄像,市场执行等)' }
        }
      ]
    },
    {
      key: 'execution',
      name: { 'zh-CN': '活动执行', en: 'Event execution' },
      department: { 'zh-CN': '品牌部', en: 'Brand department' },
      source: {
        doc: '004',
        where: '开业活动, l.741; phase label l.738',
        quote: '由品牌部派专人负责区域走访或拍摄'
      },
      checklist: [
        {
          text: {
            'zh-CN': '店内如需活动帮助，品牌部派专人负责',
            en: 'If the store needs help, the brand department assigns a named person'
          },
          source: { doc: '004', where: '开业活动, l.741', quote: '各店如需活动帮助,由品牌部派专人' }
        },
        {
          text: { 'zh-CN': '区域走访或拍摄', en: 'Visit the store on site or film the event' },
          source: { doc: '004', where: '开业活动, l.741', quote: '负责区域走访或拍摄' }
        }
      ]
    },
    {
      key: 'summary',
      name: { 'zh-CN': '活动总结', en: 'Summary' },
      department: { 'zh-CN': '企划部；品牌部', en: 'Planning department; brand department' },
      source: {
        doc: '004',
        where: '日常节假日 phase label, l.738',
        quote: '活动总结',
        inferred:
          'The store-opening page (l.740–741) is cut off by the end of the document before any summary; the phase labels 活动前期 活动执行 活动总结 printed with the holiday flow (l.738) are read as covering both.'
      },
      checklist: [
        {
          text: {
            'zh-CN': '活动结束后对活动效果进行评估总结',
            en: 'Evaluate and sum up the event once it is over'
          },
          source: { doc: '003', where: '§3.5 8), l.413', quote: '活动结束后,对活动效果进行评估总结' }
        },
        ...RESULTS_SUMMARY
      ]
    }
  ]
};
