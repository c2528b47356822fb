/**
 * Card fields (预算, 重大项目 …), what a stage requires before a card leaves it ("还差：…") and the
 * conditions on fields, in the reference language.
 */
export const zhCNFields = {
  'refusal.requirements-unmet': '卡片还差：{missing}，暂时不能离开「{stage}」，已留在原处。',
  'missing.lead': '还差：{missing}',
  'missing.checklist': '完成检查清单',
  'missing.item': '完成「{item}」',
  'missing.draft': '上传定稿',
  'missing.field': '填写{field}',
  'missing.assignee': '指定负责人',
  'leave.next': '移到「{stage}」',
  'leave.gate': '要先通过「{stage}」的审批（审批人：{who}）',
  'leave.done': '已是最后一个阶段',
  'fields.heading': '字段',
  'fields.none': '这个看板还没有卡片字段',
  'fields.manage': '卡片字段',
  'fields.add': '添加字段',
  'fields.name': '字段名称',
  'fields.kind': '类型',
  'fields.remove': '删除字段「{field}」',
  'fields.clear': '清除',
  'fields.save': '保存',
  'fields.flag.yes': '是',
  'fields.flag.no': '否',
  'fields.kind.date': '日期',
  'fields.kind.number': '数字',
  'fields.kind.money': '金额',
  'fields.kind.link': '链接',
  'fields.kind.text': '文本',
  'fields.kind.flag': '是/否',
  'fields.invalid.number': '请填写数字',
  'fields.invalid.money': '请填写金额，最多两位小数',
  'fields.invalid.link': '链接要以 http:// 或 https:// 开头',
  'fields.invalid.text': '请填写 1–500 个字',
  'stage.requires.title': '离开此阶段前须完成',
  'stage.requires.checklist': '检查清单全部完成',
  'stage.requires.draft': '已上传稿件',
  'stage.requires.assignee': '已指定负责人',
  'stage.requires.field': '已填写{field}',
  'condition.when': '{field}{op}{value}时',
  'condition.set': '已填写',
  'condition.gt': '大于',
  'condition.gte': '不少于',
  'condition.eq': '为'
} as const;

export type FieldsMessageKey = keyof typeof zhCNFields;
