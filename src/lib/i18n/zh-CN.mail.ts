/** Mail notifications (server/mail): the mails, the 邮件通知 settings page and one-click 退订, in the reference language. */
export const zhCNMail = {
  'mail.subject.one': '【Stageboard】{line}',
  'mail.subject.many': '【Stageboard】{count} 条新通知：{line} 等',
  'mail.greeting': '{name}，你好：',
  'mail.intro': '你在 Stageboard 有 {count} 条新通知：',
  'mail.onBoard': '看板「{board}」',
  'mail.openCard': '查看卡片',
  'mail.openInbox': '打开收件箱',
  'mail.footer': '这封邮件由 Stageboard 自动发送，请勿直接回复。',
  'mail.unsubscribeKind': '不再接收「{kind}」邮件',
  'mail.settingsLink': '管理邮件通知',
  'mail.page.title': '邮件通知',
  'mail.page.intro':
    '收件箱里的新通知会汇总成邮件发给你，{minutes} 分钟内最多一封。选择想通过邮件接收的通知类型。',
  'mail.page.off': '管理员还没有为这个站点配置邮件服务，暂时收不到邮件通知。设置会先保存下来。',
  'mail.page.language': '邮件语言',
  'mail.page.kinds': '通过邮件接收',
  'mail.page.save': '保存',
  'mail.page.saved': '已保存',
  'mail.page.failed': '保存失败，请稍后重试。',
  'mail.unsub.title': '退订邮件通知',
  'mail.unsub.confirm': '不再通过邮件接收以下通知：{kinds}。收件箱里仍然可以看到它们。',
  'mail.unsub.button': '确认退订',
  'mail.unsub.done': '已退订。你可以随时在“邮件通知”里重新打开。',
  'mail.unsub.invalid': '这个退订链接无效或已损坏，请在“邮件通知”里修改设置。'
} as const;

export type MailMessageKey = keyof typeof zhCNMail;
