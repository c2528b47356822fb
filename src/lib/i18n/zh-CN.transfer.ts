/**
 * Taking work out and bringing it back (issue 19): a board's JSON and CSV exports, re-importing a
 * board file, and 导出我的数据 for an account, in the reference language.
 */
export const zhCNTransfer = {
  'transfer.export': '导出',
  'transfer.json': '导出 JSON（可重新导入）',
  'transfer.csv': '导出 CSV',
  'transfer.csv.stage': '阶段',
  'transfer.csv.title': '卡片标题',
  'transfer.csv.assignees': '负责人',
  'transfer.csv.labels': '标签',
  'transfer.csv.start': '开始日期',
  'transfer.csv.due': '截止日期',
  'transfer.csv.checklist': '检查项（完成/总数）',
  'transfer.csv.budget': '预算（元）',
  'transfer.csv.spent': '已花费（元）',
  'transfer.csv.comments': '评论数',
  'transfer.csv.archived': '已归档',
  'transfer.csv.created': '创建时间',
  'transfer.csv.yes': '是',
  'transfer.error.invalidFile': '这不是 Stageboard 导出的看板文件，请选择“导出 JSON”得到的文件。',
  'transfer.error.version': '这个文件来自更新版本的 Stageboard，当前版本还不能导入。',
  'transfer.error.invalidDocument': '文件内容不完整或已被改动，无法还原看板：{message}',
  'transfer.error.tooLarge': '文件太大，无法导入。',
  'transfer.account.title': '导出我的数据',
  'transfer.account.intro':
    '打包下载你拥有的全部看板：每个看板一份可重新导入的 JSON，以及看板里上传过的附件原文件。',
  'transfer.account.contents': '压缩包包含',
  'transfer.account.itemBoards': '看板 JSON（阶段、规则、卡片、评论、审批与动态）',
  'transfer.account.itemFiles': '附件原文件（按看板、附件、版本分目录）',
  'transfer.account.itemManifest': 'manifest.json 清单（文件列表与大小）',
  'transfer.account.count': '你拥有 {count} 个看板',
  'transfer.account.none': '你还没有拥有的看板，暂时没有可导出的内容。',
  'transfer.account.size': '附件共 {size}。文件较多时打包需要一点时间，下载进度会显示在浏览器里。',
  'transfer.account.files': '{count} 个附件',
  'transfer.account.download': '下载全部数据（.tar.gz）'
} as const;

export type TransferMessageKey = keyof typeof zhCNTransfer;
