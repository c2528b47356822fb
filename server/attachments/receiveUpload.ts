import { createHash, randomBytes } from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { AttachmentType } from '#lib/board/attachment-ops';
import { tooLarge, unsupportedType } from './attachmentRefusals';
import type { DraftLimits } from './draftLimits';
import { SNIFF_BYTES, needsMoreBytes, sniffType } from './sniff';

/** An upload written to a temporary file that passed the size and type checks. */
export interface ReceivedUpload {
  file: string;
  size: number;
  type: AttachmentType;
  /** Hex sha256 of the content. */
  sha256: string;
}

/**
 * Streams `body` to a new file in `tmpDir` with a running byte count. Reading stops with a 415
 * as soon as the first bytes show a type that is not allowed, and with a 413 as soon as the count
 * passes the limit: the ceiling until the type is known, then that type's own. Either way (and on
 * any other failure) the temporary file is removed, so only an upload that passed both checks
 * leaves a file for the caller to move into place.
 */
export async function receiveUpload(
  body: AsyncIterable<Uint8Array>,
  tmpDir: string,
  limits: DraftLimits
): Promise<ReceivedUpload> {
  await fsp.mkdir(tmpDir, { recursive: true });
  const file = path.join(tmpDir, randomBytes(12).toString('hex'));
  const out = await fsp.open(file, 'wx');
  const hash = createHash('sha256');
  const head = new Uint8Array(SNIFF_BYTES);
  let size = 0;
  let type: AttachmentType | null = null;
  let limit = limits.ceiling;
  const judge = (): AttachmentType => {
    const sniffed = sniffType(head.subarray(0, Math.min(size, SNIFF_BYTES)));
    if (!sniffed) throw unsupportedType();
    limit = limits.forType(sniffed);
    return sniffed;
  };
  try {
    for await (const chunk of body) {
      const seen = size;
      size += chunk.byteLength;
      if (type === null) {
        if (seen < SNIFF_BYTES) head.set(chunk.subarray(0, SNIFF_BYTES - seen), seen);
        const known = head.subarray(0, Math.min(size, SNIFF_BYTES));
        if (size >= SNIFF_BYTES || !needsMoreBytes(known)) type = judge();
      }
      if (size > limit) throw tooLarge(limit);
      hash.update(chunk);
      await out.write(chunk);
    }
    // A file shorter than the sniffer's window is judged on what there is.
    type ??= judge();
    if (size > limit) throw tooLarge(limit);
    await out.close();
    return { file, size, type, sha256: hash.digest('hex') };
  } catch (error) {
    await out.close().catch(() => undefined);
    await fsp.rm(file, { force: true });
    throw error;
  }
}
