/** Card faces at a glance (dates, counts, cover), search matches and the date picker. */
export const zhCNFace = {
  'face.due': '{label}：{date}',
  'face.due.soon': '{label}：{date}，快到期了',
  'face.due.overdue': '{label}：{date}，已逾期',
  'face.due.done': '{label}：{date}，已完成',
  'face.comments': '{count} 条评论',
  'face.attachments': '{count} 个附件',
  'face.described': '有描述',
  'face.cover': '封面：最新的图片稿',
  'face.matched': '匹配：{where}',
  'face.matched.description': '描述',
  'face.matched.comment': '评论',
  'face.matched.checklist': '检查项',
  'face.matched.separator': '、',
  'filter.placeholder': '搜索标题、描述、评论和检查项',
  'date.trigger': '{label}：{date}，选择日期',
  'date.previousMonth': '上个月',
  'date.nextMonth': '下个月',
  'date.none': '未设置',
  'panel.cardDue': '卡片{label}：{date}',
  'panel.cardDue.overdue': '卡片{label}：{date}，已逾期'
} as const;
