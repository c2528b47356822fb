import type { DraftsMessageKey } from './zh-CN.drafts';

/** Drafts of every kind in English; typed against the Chinese ones. */
export const enDrafts: Record<DraftsMessageKey, string> = {
  'drafts.kind.pdf': 'PDF',
  'drafts.kind.video': 'Video',
  'drafts.kind.word': 'Word document',
  'drafts.kind.powerpoint': 'PowerPoint deck',
  'drafts.kind.excel': 'Excel workbook',
  'drafts.kind.office': 'Office file (97–2003)',
  'drafts.kind.psd': 'Photoshop file',
  'drafts.kind.ai': 'Illustrator/EPS file',
  'drafts.kind.zip': 'ZIP archive',
  'drafts.download': 'Download',
  'drafts.downloadLabel': 'Download {name} (version {v}, {size})',
  'drafts.page': 'Page {n}',
  'drafts.pinOnPage': 'Pin a comment on page {n}',
  'drafts.pdfLoading': 'Loading the PDF…',
  'drafts.pdfFailed': 'This PDF cannot be shown here; download it to read it.',
  'drafts.pdfMorePages': 'The first {shown} of {total} pages are shown; download the file for all of them.',
  'drafts.timeline': 'Comments on the video',
  'drafts.timePin': 'Pin {n} at {time}',
  'drafts.pinAtTime': 'Comment at {time}',
  'drafts.pinningTime': 'This comment will be pinned at {time} of the video.'
};
