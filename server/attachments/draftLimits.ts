/**
 * How large one version of a draft may be, by kind: a cut of a video is a hundred times a poster,
 * and a limit fit for one is wrong for the other. Each kind has a default, an operator may set it
 * (ATTACHMENT_MAX_BYTES_<KIND>), and ATTACHMENT_MAX_BYTES caps them all: it is what a body is held
 * to before its first bytes show what it is.
 */
import { draftKind, type AttachmentType, type DraftKind } from '#lib/board/attachment-ops';

const MiB = 1024 * 1024;

/** Sized for what marketing teams send: a 4K minute of H.264 is some 300 MB, a print PSD 200. */
export const DEFAULT_KIND_BYTES: Readonly<Record<DraftKind, number>> = {
  image: 20 * MiB,
  pdf: 50 * MiB,
  office: 50 * MiB,
  design: 200 * MiB,
  archive: 200 * MiB,
  video: 300 * MiB
};

/** The largest default: the ceiling when the operator sets none. */
export const DEFAULT_CEILING_BYTES = Math.max(...Object.values(DEFAULT_KIND_BYTES));

export interface DraftLimits {
  /** Any body past this is refused before its type is known. */
  readonly ceiling: number;
  /** The limit for a body of this type, never above the ceiling. */
  forType(type: AttachmentType): number;
}

/** The limits from the ceiling and the kinds the operator set (others keep their default). */
export function draftLimits(ceiling: number, kinds: Partial<Record<DraftKind, number>> = {}): DraftLimits {
  return {
    ceiling,
    forType: (type) => {
      const kind = draftKind(type);
      return Math.min(kinds[kind] ?? DEFAULT_KIND_BYTES[kind], ceiling);
    }
  };
}
