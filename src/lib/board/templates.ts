/**
 * Board templates: a documented process turned into stages. This is the minimal mechanism of
 * the foundation (issue 2); the full library from ../shared/seeds comes with issue 4.
 * Stage names are Chinese as the source documents write them, with English beside.
 */
import type { BoardInit, StageInit } from './board-ops';

export interface TemplateStage extends StageInit {
  altName: string;
}

export interface BoardTemplate {
  id: string;
  name: { 'zh-CN': string; en: string };
  /** Where the stages come from, for the template picker and docs/templates.md. */
  source: string;
  stages: TemplateStage[];
}

export const BLANK_TEMPLATE_ID = 'blank';

export const TEMPLATES: readonly BoardTemplate[] = [
  {
    id: BLANK_TEMPLATE_ID,
    name: { 'zh-CN': '空白看板', en: 'Blank board' },
    source: '—',
    stages: [
      { name: '待办', altName: 'To do' },
      { name: '进行中', altName: 'In progress' },
      { name: '已完成', altName: 'Done' }
    ]
  },
  {
    id: 'campaign-execution',
    name: { 'zh-CN': '营销推广活动执行与监督', en: 'Campaign execution and supervision' },
    source: '001_campaign-execution-and-supervision.txt: 一、策划阶段 … 五、总结与反馈',
    stages: [
      {
        name: '策划阶段',
        altName: 'Planning',
        checklist: ['确定目标群体', '设定目标', '制定预算', '确定推广策略']
      },
      {
        name: '上级审核',
        altName: 'Approval',
        gateRole: 'manager',
        checklist: ['提交活动策划方案', '上级审核通过']
      },
      {
        name: '准备阶段',
        altName: 'Preparation',
        checklist: ['制定推广计划', '筹备资源', '确定推广渠道', '制定推广内容']
      },
      { name: '执行阶段', altName: 'Execution', wipLimit: 5, checklist: ['广告投放', '网络推广'] },
      {
        name: '监控与评估',
        altName: 'Monitoring and evaluation',
        checklist: ['目标达成率', 'ROI', '客户反馈', '成本控制']
      },
      { name: '总结与反馈', altName: 'Review and summary', checklist: ['活动总结报告'] }
    ]
  }
];

/** Checks a template's shape; throws an Error naming the template and the field. */
export function validateTemplate(t: BoardTemplate): void {
  const fail = (field: string, why: string) => {
    throw new Error(`Template "${t.id}": ${field} ${why}`);
  };
  if (!/^[a-z0-9-]{1,64}$/.test(t.id)) fail('id', 'must be 1–64 lowercase letters, digits or dashes.');
  if (!t.name['zh-CN'] || !t.name.en) fail('name', 'needs both zh-CN and en.');
  if (t.stages.length === 0) fail('stages', 'must hold at least one stage.');
  t.stages.forEach((s, i) => {
    if (!s.name?.trim()) fail(`stages[${i}].name`, 'is empty.');
    if (!s.altName?.trim()) fail(`stages[${i}].altName`, 'is empty.');
    if (s.wipLimit != null && !(Number.isInteger(s.wipLimit) && s.wipLimit > 0)) {
      fail(`stages[${i}].wipLimit`, 'must be a positive whole number.');
    }
  });
}

for (const t of TEMPLATES) validateTemplate(t);

/** The template with this id, or undefined. */
export function findTemplate(id: string): BoardTemplate | undefined {
  return TEMPLATES.find((t) => t.id === id);
}

/** What initBoard needs to build a board from a template. */
export function boardInitFromTemplate(template: BoardTemplate, title: string): BoardInit {
  return { title, templateId: template.id, stages: template.stages };
}
