/** The activity feed's and the inbox's newer messages (issue 15), in the reference language. */
export const zhCNNotify = {
  'activity.card.described': '{user} 编辑了「{title}」的描述',
  'activity.card.dated': '{user} 把「{title}」的日期设为 {date}',
  'activity.card.dated.changed': '{user} 把「{title}」的日期从 {fromDate} 改为 {date}',
  'activity.card.dated.cleared': '{user} 清除了「{title}」的日期',
  'activity.card.labeled': '{user} 给「{title}」加上了标签「{label}」',
  'activity.card.unlabeled': '{user} 去掉了「{title}」的标签「{label}」',
  'activity.attachment.uploaded': '{user} 给「{title}」上传了「{file}」',
  'activity.attachment.uploaded.version': '{user} 给「{title}」上传了「{file}」第 {version} 稿',
  'activity.open': '打开卡片：{text}',
  'inbox.gate': '「{card}」已进入「{stage}」，等你审批',
  'inbox.approved': '{actor} 批准了「{card}」的「{stage}」',
  'inbox.sent-back': '{actor} 把「{card}」退回到「{stage}」',
  'inbox.due-soon': '「{card}」明天（{date}）到期',
  'inbox.overdue': '「{card}」已过期（{date} 到期）',
  'inbox.reason': '原因：{reason}',
  'inbox.kind.mention': '提及',
  'inbox.kind.assigned': '指派',
  'inbox.kind.gate': '待审批',
  'inbox.kind.approved': '已批准',
  'inbox.kind.sent-back': '已退回',
  'inbox.kind.due-soon': '即将到期',
  'inbox.kind.overdue': '已过期'
} as const;

export type NotifyMessageKey = keyof typeof zhCNNotify;
