import { createHash, randomBytes } from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { AttachmentType } from '#lib/board/attachment-ops';
import { tooLarge, unsupportedType } from './attachmentRefusals';
import { SNIFF_BYTES, sniffType } from './sniff';

/** An upload written to a temporary file that passed the size and type checks. */
export interface ReceivedUpload {
  file: string;
  size: number;
  type: AttachmentType;
  /** Hex sha256 of the content. */
  sha256: string;
}

/**
 * Streams `body` to a new file in `tmpDir` with a running byte count. Reading stops with a 413 as
 * soon as the count passes `maxBytes`, and with a 415 as soon as the first bytes show a type
 * that is not allowed; either way (and on any other failure) the temporary file is removed, so
 * only an upload that passed both checks leaves a file for the caller to move into place.
 */
export async function receiveUpload(
  body: AsyncIterable<Uint8Array>,
  tmpDir: string,
  maxBytes: number
): Promise<ReceivedUpload> {
  await fsp.mkdir(tmpDir, { recursive: true });
  const file = path.join(tmpDir, randomBytes(12).toString('hex'));
  const out = await fsp.open(file, 'wx');
  const hash = createHash('sha256');
  const head = new Uint8Array(SNIFF_BYTES);
  let size = 0;
  let type: AttachmentType | null = null;
  try {
    for await (const chunk of body) {
      size += chunk.byteLength;
      if (size > maxBytes) throw tooLarge(maxBytes);
      if (type === null) {
        const seen = size - chunk.byteLength;
        if (seen < SNIFF_BYTES) head.set(chunk.subarray(0, SNIFF_BYTES - seen), seen);
        if (size >= SNIFF_BYTES && !(type = sniffType(head))) throw unsupportedType();
      }
      hash.update(chunk);
      await out.write(chunk);
    }
    // A file shorter than the sniffer's window is judged on what there is.
    type ??= sniffType(head.subarray(0, size));
    if (!type) throw unsupportedType();
    await out.close();
    return { file, size, type, sha256: hash.digest('hex') };
  } catch (error) {
    await out.close().catch(() => undefined);
    await fsp.rm(file, { force: true });
    throw error;
  }
}
