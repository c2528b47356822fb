/** The keyboard shortcuts' messages (the `?` help, the move menu, assign-to-me), in the reference language. */
export const zhCNKeys = {
  'keys.title': '键盘快捷键',
  'keys.intro': '在看板上直接按键即可，输入文字时不会触发。',
  'keys.group.board': '看板',
  'keys.group.card': '选中的卡片',
  'keys.newCard': '在当前列新建卡片',
  'keys.search': '搜索卡片',
  'keys.filter': '打开或收起筛选',
  'keys.arrows': '在卡片之间移动焦点',
  'keys.help': '查看快捷键',
  'keys.close': '关闭面板或对话框',
  'keys.open': '打开卡片',
  'keys.rename': '重命名',
  'keys.move': '移动到其他阶段',
  'keys.assignMe': '指派给我 / 取消指派',
  'keys.lift': '拿起卡片，用方向键移动，再按空格放下',
  'keys.undo': '撤销你的上一步操作（不影响他人的修改）',
  'keys.redo': '重做',
  'keys.archive': '归档',
  'keys.or': '或',
  'keys.move.title': '将「{title}」移动到',
  'keys.move.current': '当前阶段',
  'keys.assigned': '已将「{title}」指派给你',
  'keys.unassigned': '已取消你在「{title}」上的指派'
} as const;

export type KeysMessageKey = keyof typeof zhCNKeys;
