import { designOwners, designRoles } from './design-review.roles';
import type { BoardTemplate } from '../types';
import { REQUEST_TYPE } from './fields';

/**
 * Design review (research §2). The spine is 004's loop 方案 → (1次)初案 → 设计稿 → (2次)校稿 → 检查 → 定稿 →
 * 下单制作 (l.702–713), with 沟通 first (l.707) and the contents of 003 §2.2.6 (l.247–259, converted to simplified)
 * mapped onto it by inference. The flowchart keeps no return arrows, so every send-back is inferred from the
 * round markers and 003's 二次交流沟通. The 10-working-day lead time is stated for video (影视) requests only.
 */
// 004 l.702–705 is a flattened flowchart: the boxes and their round markers survive, the arrows do not.
const NO_ARROW =
  'No return arrow survives in 004 l.702–705, a flattened flowchart; the loop is read from the round markers';

export const designReview: BoardTemplate = {
  id: 'design-review',
  kind: 'builtin',
  name: { 'zh-CN': '设计审稿', en: 'Design review' },
  description: {
    'zh-CN':
      '设计（或影视）需求经沟通、方案、初案、设计稿、校稿、检查、定稿后下单制作；领导二次审稿，影视需求至少提前10个工作日。',
    en: 'Takes a design (or video) request through briefing, concept, first draft, design draft, proofing, check and final sign-off to ordering production. Video requests need at least 10 working days.'
  },
  sources: [
    { doc: '004', where: '品牌营销中心 架构/流程, l.702–713' },
    { doc: '004', where: '品牌营销中心工作-影视部 (garbled copy), l.153–155' },
    { doc: '003', where: '§2.2.6 设计工作流程, l.247–259' }
  ],
  dateLabel: { 'zh-CN': '需要日期', en: 'Date needed' },
  roles: designRoles,
  fields: [REQUEST_TYPE],
  stages: [
    {
      key: 'briefing',
      owner: designOwners.briefing,
      name: { 'zh-CN': '沟通', en: 'Briefing' },
      department: {
        'zh-CN': '设计部（与领导、公司或加盟商沟通）',
        en: 'Design department (with leadership, the company or the franchisee)'
      },
      source: {
        doc: '004',
        where: '品牌营销中心 架构/流程, l.706–707',
        quote: '沟通',
        inferred:
          '沟通 stands after the draft boxes in the flattened flowchart (l.707, beside 影视篇); we put it first, where 003 l.249 puts the talk with the leadership.'
      },
      checklist: [
        {
          text: {
            'zh-CN': '与领导及公司沟通产品及宣传要表达的信息',
            en: 'Agree with leadership what the product and the publicity should say'
          },
          source: {
            doc: '003',
            where: '§2.2.6 1), l.249',
            quote: '对领导及公司进行必要的产品及宣传所表达信息进行必要的沟通交流'
          }
        },
        {
          text: {
            'zh-CN': '接收加盟商经加盟服务中心提出的需求',
            en: 'Take in franchisee requests via the franchise service centre'
          },
          source: { doc: '004', where: '品牌营销中心 架构/流程, l.709–710', quote: '加盟服务中心' }
        },
        {
          text: {
            'zh-CN': '影视需求：距需要日期至少10个工作日',
            en: 'Video requests: at least 10 working days before the date needed'
          },
          source: {
            doc: '004',
            where: '影视部部门项目申请完成周期 (video requests only; garbled copy; 影规 = 影视), l.154–155',
            quote: '影规的申请总周期至少为10个工作日'
          }
        }
      ],
      timeRule: {
        kind: 'start-by',
        amount: 10,
        unit: 'working-days',
        if: { field: 'type', op: 'eq', value: '影视' },
        source: {
          doc: '004',
          where: '影视部部门项目申请完成周期 (video requests only; garbled copy; 影规 = 影视), l.154–155',
          quote: '影规的申请总周期至少为10个工作日'
        }
      }
    },
    {
      key: 'concept',
      owner: designOwners.concept,
      name: { 'zh-CN': '方案', en: 'Concept' },
      department: { 'zh-CN': '设计部', en: 'Design department' },
      source: { doc: '004', where: '品牌营销中心 架构/流程, l.702', quote: '方案' },
      checklist: [
        {
          text: {
            'zh-CN': '现场绘制简单的构思方案、平面规划图',
            en: 'Sketch the concept and layout on the spot'
          },
          source: { doc: '003', where: '§2.2.6 2), l.251', quote: '现场绘制简单的构思方案、平面规划图' }
        },
        {
          text: { 'zh-CN': '确定文字内容或整体规划思路', en: 'Fix the copy text or the overall idea' },
          source: { doc: '003', where: '§2.2.6 3), l.253', quote: '确定文字内容,或整体规划思路' }
        }
      ]
    },
    {
      key: 'first-draft',
      owner: designOwners['first-draft'],
      name: { 'zh-CN': '初案', en: 'First draft' },
      department: { 'zh-CN': '设计部', en: 'Design department' },
      source: { doc: '004', where: '品牌营销中心 架构/流程, l.703', quote: '(1次)初案' },
      checklist: [
        {
          text: { 'zh-CN': '初步效果图设计制作', en: 'Make the first visual' },
          source: { doc: '003', where: '§2.2.6 4), l.255', quote: '初步效果图设计制作' }
        },
        {
          text: { 'zh-CN': '提交初案（第1次）', en: 'Submit the first draft (round 1)' },
          source: { doc: '004', where: '品牌营销中心 架构/流程, l.703', quote: '(1次)初案' }
        }
      ],
      sendBackTo: {
        stage: 'concept',
        source: {
          doc: '004',
          where: '品牌营销中心 架构/流程, l.702–703',
          quote: '(1次)初案',
          inferred: `${NO_ARROW}: a first draft that misses the brief goes back to the concept.`
        }
      }
    },
    {
      key: 'design-draft',
      owner: designOwners['design-draft'],
      name: { 'zh-CN': '设计稿', en: 'Design draft' },
      department: {
        'zh-CN': '设计部（日常活动、开业促销、新品推广设计组）',
        en: 'Design department (daily events, opening promotions, new products groups)'
      },
      source: { doc: '004', where: '品牌营销中心 架构/流程, l.704', quote: '设计稿' },
      requires: {
        draft: true,
        source: { doc: '004', where: '品牌营销中心 架构/流程, l.703–704', quote: '设计稿' }
      },
      checklist: [
        {
          text: { 'zh-CN': '交由对应设计组承接', en: 'Hand the job to the matching design group' },
          source: { doc: '004', where: '品牌营销中心组织架构, l.695–697', quote: '日 常 活 动 设 计 组' }
        },
        {
          text: { 'zh-CN': '在初案基础上完成设计稿', en: 'Work the first draft up into the design draft' },
          source: { doc: '004', where: '品牌营销中心 架构/流程, l.703–704', quote: '设计稿' }
        }
      ],
      wipLimit: {
        limit: 3,
        why: {
          'zh-CN': '我们的建议，文件未规定：设计稿阶段受设计师人数限制，上限约为设计组人数，请按实际调整。',
          en: 'Our suggestion; no document sets it. Designer capacity is the bottleneck here, so set it to about the number of designers in the group.'
        }
      }
    },
    {
      key: 'proofing',
      owner: designOwners.proofing,
      name: { 'zh-CN': '校稿', en: 'Proofing' },
      source: { doc: '004', where: '品牌营销中心 架构/流程, l.705', quote: '(2次)校稿' },
      checklist: [
        {
          text: { 'zh-CN': '提交设计稿校稿（第2次）', en: 'Submit the design draft for proofing (round 2)' },
          source: { doc: '004', where: '品牌营销中心 架构/流程, l.705', quote: '(2次)校稿' }
        },
        {
          text: { 'zh-CN': '对照确定的文字内容校对', en: 'Proofread against the agreed copy text' },
          source: { doc: '003', where: '§2.2.6 3), l.253', quote: '确定文字内容' }
        }
      ],
      sendBackTo: {
        stage: 'design-draft',
        source: {
          doc: '004',
          where: '品牌营销中心 架构/流程, l.704–705',
          quote: '(2次)校稿',
          inferred: `${NO_ARROW}: a proof that needs changes is reworked as a design draft.`
        }
      }
    },
    {
      key: 'check',
      owner: designOwners.check,
      name: { 'zh-CN': '检查', en: 'Check' },
      source: { doc: '004', where: '品牌营销中心 架构/流程, l.705', quote: '检查' },
      checklist: [
        {
          text: { 'zh-CN': '检查校稿意见已全部改正', en: 'Check every proofing correction is made' },
          source: { doc: '004', where: '品牌营销中心 架构/流程, l.705', quote: '(2次)校稿 检查' }
        },
        {
          text: {
            'zh-CN': '核对产品及宣传信息与沟通一致',
            en: 'Check the product and publicity message matches the brief'
          },
          source: { doc: '003', where: '§2.2.6 1), l.249', quote: '产品及宣传所表达信息' }
        }
      ],
      sendBackTo: {
        stage: 'proofing',
        source: {
          doc: '004',
          where: '品牌营销中心 架构/流程, l.705',
          quote: '(2次)校稿 检查',
          inferred: `${NO_ARROW}: a check that finds uncorrected points returns to proofing.`
        }
      }
    },
    {
      key: 'final',
      owner: designOwners.final,
      name: { 'zh-CN': '定稿', en: 'Final draft' },
      department: { 'zh-CN': '设计部；领导确认', en: 'Design department; confirmed by the leader' },
      source: { doc: '004', where: '品牌营销中心 架构/流程, l.705', quote: '定稿' },
      checklist: [
        {
          text: { 'zh-CN': '与领导进行二次交流沟通', en: 'Go over the draft with the leader a second time' },
          source: { doc: '003', where: '§2.2.6 4), l.255', quote: '与领导进行二次交流沟通' }
        },
        {
          text: { 'zh-CN': '确定终稿', en: 'Confirm the final draft' },
          source: { doc: '003', where: '§2.2.6 4), l.255', quote: '确定终稿' }
        }
      ],
      gate: {
        approvers: [
          {
            title: { 'zh-CN': '领导（市场部经理）', en: 'Leader (market department manager)' },
            level: 'manager',
            role: 'leader',
            source: {
              doc: '003',
              where: '§2.1.6 设计部, l.185',
              quote: '直接上级:市场部经理',
              inferred:
                "003 l.255 names only 领导; the market department manager is the design staff's direct superior in 003, so we name them."
            }
          }
        ],
        source: { doc: '003', where: '§2.2.6 4), l.255', quote: '与领导进行二次交流沟通,确定终稿' },
        reviewsDraft: true,
        separateDuties: true
      },
      sendBackTo: {
        stage: 'design-draft',
        source: {
          doc: '003',
          where: '§2.2.6 4), l.255',
          quote: '二次交流沟通',
          inferred:
            '003 says the draft is discussed with the leader a second time before it is final; that a rejected draft returns to the design draft is our reading.'
        }
      }
    },
    {
      key: 'order-production',
      owner: designOwners['order-production'],
      name: { 'zh-CN': '下单制作', en: 'Order production' },
      department: { 'zh-CN': '采购部；印刷厂', en: 'Purchasing department; print shop' },
      source: { doc: '004', where: '品牌营销中心 架构/流程, l.711–713', quote: '下单 制作' },
      checklist: [
        {
          text: { 'zh-CN': '制作设计图', en: 'Produce the final artwork' },
          source: { doc: '003', where: '§2.2.6 5), l.257', quote: '制作设计图' }
        },
        {
          text: { 'zh-CN': '印刷预算、询价', en: 'Print budget and quotes' },
          source: { doc: '003', where: '§2.2.6 6), l.259', quote: '印刷预算、询价' }
        },
        {
          text: { 'zh-CN': '采购部下单', en: 'Purchasing places the order' },
          source: { doc: '004', where: '品牌营销中心 架构/流程, l.711–712', quote: '下单 制作' }
        },
        {
          text: { 'zh-CN': '印刷厂或供应商制作完成', en: 'The print shop or supplier delivers' },
          source: { doc: '004', where: '品牌营销中心 架构/流程, l.713', quote: '印刷厂/商品' }
        }
      ]
    }
  ]
};
