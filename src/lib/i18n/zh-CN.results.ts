/**
 * Targets and results on a card (001 五 活动监督与评估, 监测指标: 目标达成率, 转化率, ROI), in the
 * reference language.
 */
export const zhCNResults = {
  'results.heading': '效果目标',
  'results.measured': '已记录 {measured}/{count}',
  'results.none': '还没有效果目标。',
  'results.noneEditor': '还没有效果目标。策划时设定目标（如销售额、到店人数），评估时记录实际值。',
  'results.name': '目标',
  'results.goal': '目标 {goal}',
  'results.actual': '实际值',
  'results.actualOf': '「{name}」的实际值',
  'results.attainment': '达成率',
  'results.cost': '单位成本/ROI',
  'results.perResult': '{amount}/{unit}',
  'results.perResultNoUnit': '{amount}/个',
  'results.roi': 'ROI {ratio}',
  'results.basis': '单位成本与 ROI 按已支出 {spent} 计算。',
  'results.noSpend': '还没有支出，记录费用后计算单位成本与 ROI。',
  'results.remove': '删除目标「{name}」',
  'results.suggested': '常用目标',
  'results.add': '添加目标',
  'results.newName': '目标名称',
  'results.kind': '类型',
  'results.kind.count': '数量',
  'results.kind.money': '金额',
  'results.kind.percent': '百分比',
  'results.unit': '单位',
  'results.value': '目标值',
  'results.badNumber': '请输入不小于 0 的数字；金额最多两位小数，百分比不超过 10000',
  'results.badName': '请填写目标名称'
} as const;

export type ResultsMessageKey = keyof typeof zhCNResults;
