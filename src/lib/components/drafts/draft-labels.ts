/** What a draft is called on its row, by its sniffed type: "Word document", "ZIP archive". */
import type { AttachmentType } from '$lib/board';
import type { MessageKey } from '$lib/i18n/zh-CN';

const LABELS: Readonly<
  Record<Exclude<AttachmentType, `image/${'png' | 'jpeg' | 'gif' | 'webp'}`>, MessageKey>
> = {
  'application/pdf': 'drafts.kind.pdf',
  'video/mp4': 'drafts.kind.video',
  'video/webm': 'drafts.kind.video',
  'video/quicktime': 'drafts.kind.video',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'drafts.kind.word',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'drafts.kind.powerpoint',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'drafts.kind.excel',
  'application/vnd.ms-office': 'drafts.kind.office',
  'image/vnd.adobe.photoshop': 'drafts.kind.psd',
  'application/postscript': 'drafts.kind.ai',
  'application/zip': 'drafts.kind.zip'
};

/** The catalogue key naming a draft of `type`; null for images, which show themselves. */
export function draftLabel(type: AttachmentType): MessageKey | null {
  return type in LABELS ? LABELS[type as keyof typeof LABELS] : null;
}
