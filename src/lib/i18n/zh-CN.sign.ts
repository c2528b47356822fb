/** Signing gates (或签 / 会签, outdated approvals, separation of duties), in the reference language. */
export const zhCNSign = {
  'refusal.already-signed': '这一位审批人本轮已经签过了。',
  'refusal.not-your-turn': '依次审批：还没轮到这一位审批人。',
  'refusal.cannot-sign': '你不是这一步的审批人。',
  'refusal.needs-owner': '这一步需要看板所有者（总经理级）审批。',
  'refusal.separation-of-duties': '卡片的负责人和创建人不能审批自己的卡片。',
  'refusal.invalid-approver': '没有这位审批人，审批流程可能刚被修改。',
  'sign.mode.any': '或签（一人同意即可）',
  'sign.mode.all': '会签（需所有人同意）',
  'sign.mode.allInOrder': '依次会签（按顺序）',
  'sign.signed': '{title}：{name} 已同意 · {date}',
  'sign.signedNote': '{title}：{name} 已同意 · {date} —— {note}',
  'sign.waiting': '{title}：待审批',
  'sign.turn': '{title}：待审批（当前）',
  'sign.outdated': '{title}：批准的是第 {was} 版，现在是第 {now} 版',
  'sign.legacy': '{name} 已批准 · {date}',
  'sign.as': '以「{title}」身份同意',
  'sign.settings.mode': '签署方式',
  'sign.settings.reviewsDraft': '审的是稿件：上传新版本后需重新审批',
  'sign.settings.separateDuties': '卡片的负责人和创建人不能审批'
} as const;

export type SignMessageKey = keyof typeof zhCNSign;
