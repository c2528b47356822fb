/**
 * The roles of the design review process: 设计部 does every step from the brief to the final
 * draft (004's flowchart column, 003 §2.2.6), its direct superior signs the final draft (003
 * §2.1.6), and 采购部 orders production (004 l.711–712). Hand-off `add`: the owners join the card.
 */
import type { TemplateOwner, TemplateRole } from '../types';

export const designRoles: TemplateRole[] = [
  {
    key: 'design',
    name: { 'zh-CN': '设计部', en: 'Design department' },
    source: {
      doc: '004',
      where: '品牌中心 3. 设计部, l.377',
      quote: '设计部(1)负责品牌视觉识别系统(VIS)的设计与维护'
    }
  },
  {
    key: 'leader',
    name: { 'zh-CN': '领导（市场部经理）', en: 'Leader (market department manager)' },
    source: { doc: '003', where: '§2.1.6 设计部, l.183–185', quote: '直接上级:市场部经理' }
  },
  {
    key: 'purchasing',
    name: { 'zh-CN': '采购部', en: 'Purchasing department' },
    source: { doc: '004', where: '品牌营销中心 架构/流程, l.711', quote: '采购部' }
  }
];

const owner = (role: string, doc: '003' | '004', where: string, quote: string): TemplateOwner => ({
  role,
  handoff: 'add',
  source: { doc, where, quote }
});

/** Each stage's owner, by stage key. */
export const designOwners = {
  briefing: owner(
    'design',
    '003',
    '§2.2.6 1), l.249',
    '对领导及公司进行必要的产品及宣传所表达信息进行必要的沟通交流'
  ),
  concept: owner('design', '003', '§2.2.6 2), l.251', '现场绘制简单的构思方案、平面规划图'),
  'first-draft': owner('design', '003', '§2.2.6 4), l.255', '初步效果图设计制作'),
  'design-draft': owner('design', '004', '品牌营销中心 架构/流程, l.704', '设计稿'),
  proofing: owner('design', '004', '品牌营销中心 架构/流程, l.705', '(2次)校稿'),
  check: owner('design', '004', '品牌营销中心 架构/流程, l.705', '(2次)校稿 检查'),
  final: owner('design', '003', '§2.2.6 4), l.255', '确定终稿'),
  'order-production': owner('purchasing', '004', '品牌营销中心 架构/流程, l.711–712', '下单 制作')
} satisfies Record<string, TemplateOwner>;
