/** The board view's messages (moving, undo, archive, refusals), in the reference language. */
export const zhCNBoard = {
  'refusal.not-found': '这张卡片或阶段已不存在，可能刚被别人删除。',
  'refusal.invalid': '内容不符合要求，没有保存。',
  'refusal.stage-not-empty': '阶段里还有卡片，先把卡片移走再删除。',
  'refusal.last-stage': '看板至少要保留一个阶段。',
  'refusal.too-many-stages': '阶段已达上限，不能再添加。',
  'refusal.too-many-items': '数量已达上限，不能再添加。',
  'refusal.no-send-back': '这个阶段没有可退回的阶段。',
  'refusal.gate-closed': '卡片还没通过「{stage}」的审批（审批人：{who}），暂时不能往后移，已留在原处。',
  'refusal.gate-closed.unnamed': '卡片要先通过审批才能往后移，已留在原处。',
  'refusal.no-gate': '这个阶段不需要审批。',
  'refusal.already-approved': '这张卡片本轮已经审批过了。',
  'refusal.role': '你在这个看板的角色不能移动卡片。',
  'refusal.undo': '无法撤销：{reason}',
  'undo.nothing': '没有可撤销的操作',
  'archive.done': '已归档「{title}」',
  'archive.undo': '撤销',
  'archive.list': '已归档（{count}）',
  'archive.empty': '没有已归档的卡片',
  'archive.heading': '已归档的卡片',
  'gateWarn.title': '移回后需要重新审批',
  'gateWarn.body':
    '把「{title}」移回「{to}」后，要经 {who} 在「{stage}」重新审批，卡片才能再往后移。确定移回吗？',
  'gateWarn.confirm': '仍然移回',
  'column.empty': '拖动卡片到这里，或新建卡片',
  'column.emptyChecklist': '到这一步要做：{items}'
} as const;

export type BoardMessageKey = keyof typeof zhCNBoard;
