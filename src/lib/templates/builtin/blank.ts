import type { BoardTemplate } from '../types';

/** Three plain stages for work that follows no documented process. */
export const blank: BoardTemplate = {
  id: 'blank',
  kind: 'builtin',
  name: { 'zh-CN': '空白看板', en: 'Blank board' },
  description: {
    'zh-CN': '三个通用阶段，不带流程规则。',
    en: 'Three general stages and no process rules.'
  },
  sources: [],
  stages: [
    { key: 'todo', name: { 'zh-CN': '待办', en: 'To do' }, checklist: [] },
    { key: 'doing', name: { 'zh-CN': '进行中', en: 'In progress' }, checklist: [] },
    { key: 'done', name: { 'zh-CN': '已完成', en: 'Done' }, checklist: [] }
  ]
};
