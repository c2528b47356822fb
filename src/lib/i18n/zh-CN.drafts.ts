/** Drafts of every kind (PDF pages, videos, Office and source files), in the reference language. */
export const zhCNDrafts = {
  'drafts.kind.pdf': 'PDF',
  'drafts.kind.video': '视频',
  'drafts.kind.word': 'Word 文档',
  'drafts.kind.powerpoint': 'PPT 演示文稿',
  'drafts.kind.excel': 'Excel 表格',
  'drafts.kind.office': 'Office 文件（97–2003）',
  'drafts.kind.psd': 'PSD 源文件',
  'drafts.kind.ai': 'AI/EPS 源文件',
  'drafts.kind.zip': 'ZIP 压缩包',
  'drafts.download': '下载',
  'drafts.downloadLabel': '下载 {name}（第 {v} 版，{size}）',
  'drafts.page': '第 {n} 页',
  'drafts.pinOnPage': '在第 {n} 页上标注评论',
  'drafts.pdfLoading': '正在加载 PDF…',
  'drafts.pdfFailed': '无法在这里显示这个 PDF，请下载后查看。',
  'drafts.pdfMorePages': '这里显示前 {shown} 页，共 {total} 页；完整文件请下载查看。',
  'drafts.timeline': '视频上的评论',
  'drafts.timePin': '标注 {n}（{time}）',
  'drafts.pinAtTime': '在 {time} 处评论',
  'drafts.pinningTime': '这条评论将标注在视频的 {time} 处。'
} as const;

export type DraftsMessageKey = keyof typeof zhCNDrafts;
