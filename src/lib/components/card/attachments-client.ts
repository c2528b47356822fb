import { resolve } from '$app/paths';

/**
 * Uploads a draft with progress (fetch cannot report upload progress; XMLHttpRequest can) and
 * names the URL a version is served at. The server's refusal message is passed on as it is.
 */
export function versionUrl(boardId: string, attachmentId: string, v: number) {
  return resolve('/api/boards/[id]/attachments/[attachmentId]/v/[v]', {
    id: boardId,
    attachmentId,
    v: String(v)
  });
}

export function uploadDraft(
  target: { boardId: string; cardId: string; attachmentId?: string },
  file: File,
  onprogress: (fraction: number) => void
): Promise<void> {
  const base = `/api/boards/${encodeURIComponent(target.boardId)}/cards/${encodeURIComponent(target.cardId)}/attachments`;
  const url = `${base}${target.attachmentId ? `/${encodeURIComponent(target.attachmentId)}` : ''}?name=${encodeURIComponent(file.name)}`;
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.upload.onprogress = (e) => e.lengthComputable && onprogress(e.loaded / e.total);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) return resolve();
      let message = `HTTP ${xhr.status}`;
      try {
        message =
          (JSON.parse(xhr.responseText) as { error?: { message?: string } }).error?.message ?? message;
      } catch {
        // not JSON (a proxy's or adapter's own page): the status says enough
      }
      reject(new Error(message));
    };
    xhr.onerror = () => reject(new Error('offline'));
    xhr.send(file);
  });
}
