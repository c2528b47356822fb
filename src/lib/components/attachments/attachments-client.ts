/**
 * The attachment endpoints, for the card panel: uploads with progress (fetch cannot report upload
 * progress; XMLHttpRequest can), deletion, version URLs, and refusals as the reader's language.
 */
import { resolve } from '$app/paths';
import { t } from '$lib/i18n/i18n.svelte';

/** A refused or failed request: the server's `{ error: { code, message, limit? } }`, or 'offline'. */
export class AttachmentFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly limit?: number
  ) {
    super(message);
  }
}

export interface UploadTarget {
  boardId: string;
  cardId: string;
  /** Set for a new version of this attachment. */
  attachmentId?: string;
}

/** Where a version is served (the previews here, and the drafts comment pins sit on). */
export function versionUrl(boardId: string, attachmentId: string, v: number): string {
  return resolve('/api/boards/[id]/attachments/[attachmentId]/v/[v]', {
    id: boardId,
    attachmentId,
    v: String(v)
  });
}

function attachmentsUrl({ boardId, cardId, attachmentId }: UploadTarget): string {
  const base = `/api/boards/${encodeURIComponent(boardId)}/cards/${encodeURIComponent(cardId)}/attachments`;
  return attachmentId ? `${base}/${encodeURIComponent(attachmentId)}` : base;
}

/** The failure an error response describes; a body that is not ours (a proxy's page) keeps the status. */
function failureOf(status: number, text: string): AttachmentFailure {
  try {
    const { error } = JSON.parse(text) as { error?: { code?: unknown; message?: unknown; limit?: unknown } };
    if (typeof error?.code === 'string') {
      const limit = typeof error.limit === 'number' ? error.limit : undefined;
      return new AttachmentFailure(error.code, String(error.message ?? ''), limit);
    }
  } catch {
    // not JSON: fall through
  }
  return new AttachmentFailure(status === 413 ? 'too-large' : `http-${status}`, `HTTP ${status}`);
}

/**
 * Uploads `file` as a new attachment or a new version; `onprogress` gets the fraction sent, or
 * null while the browser cannot tell. The version reaches the page through the board's sync.
 */
export function uploadAttachment(
  target: UploadTarget,
  file: File,
  onprogress: (fraction: number | null) => void
): Promise<void> {
  const url = `${attachmentsUrl(target)}?name=${encodeURIComponent(file.name)}`;
  return new Promise((done, fail) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.upload.onprogress = (e) => onprogress(e.lengthComputable ? e.loaded / e.total : null);
    xhr.onload = () =>
      xhr.status >= 200 && xhr.status < 300 ? done() : fail(failureOf(xhr.status, xhr.responseText));
    xhr.onerror = () => fail(new AttachmentFailure('offline', 'offline'));
    // The server judges the type by the content; the header is only there because XHR sends one.
    xhr.send(file);
  });
}

/** Deletes an attachment with all its versions. */
export async function deleteAttachment(target: Required<UploadTarget>): Promise<void> {
  let res: Response;
  try {
    res = await fetch(attachmentsUrl(target), { method: 'DELETE' });
  } catch {
    throw new AttachmentFailure('offline', 'offline');
  }
  if (!res.ok) throw failureOf(res.status, await res.text());
}

/** "1.5 MB", "820 KB": sizes as people read them. */
export function formatSize(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? `${Number(mb.toFixed(1))} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** What to tell the person about a failure, in their language. */
export function failureText(error: unknown): string {
  if (!(error instanceof AttachmentFailure)) return t('attachments.offline');
  switch (error.code) {
    case 'too-large':
      return error.limit ? t('attachments.tooLarge', { limit: formatSize(error.limit) }) : error.message;
    case 'unsupported-type':
      return t('attachments.wrongType');
    case 'forbidden':
      return t('attachments.notAllowed');
    case 'sign-in-required':
      return t('attachments.signIn');
    case 'not-found':
      return t('attachments.gone');
    case 'offline':
      return t('attachments.offline');
    default:
      return error.message;
  }
}
