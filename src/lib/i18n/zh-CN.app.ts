/**
 * The messages the whole app shares (its name, the language switch, notifications, common buttons,
 * errors any call can meet), in the reference language.
 */
export const zhCNApp = {
  'app.name': 'Stageboard',
  'app.tagline': '营销团队的实时协作看板',
  'lang.label': '语言',
  'toaster.close': '关闭通知',
  'toaster.label': '通知',
  'common.dismiss': '知道了',
  'common.cancel': '取消',
  'common.delete': '删除',
  'error.generic': '操作失败：{message}',
  'error.titleRequired': '请输入名称（1–200 个字符）。',
  'error.unknownTemplate': '没有这个模板。',
  'error.notFound': '找不到这个看板。',
  'error.signIn': '登录已失效，请重新登录后继续。',
  'error.forbidden': '你在此看板的角色不允许此操作。刷新页面可查看你能做什么。',
  'error.network': '无法连接服务器，请检查网络后重试。'
} as const;

export type AppMessageKey = keyof typeof zhCNApp;
