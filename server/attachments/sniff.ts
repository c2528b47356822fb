/**
 * What a file is, read from its first bytes: the only evidence an upload's type is judged by
 * (a name or a Content-Type header is whatever the sender says). Returns null for anything but
 * the drafts a board takes (AttachmentType). Most types show in their first 16 bytes; a WebM
 * names itself in its EBML header, and an Office file is a ZIP told apart by the names of its
 * entries (word/, ppt/, xl/), which its local headers carry in the clear near the start.
 */
import type { AttachmentType } from '#lib/board/attachment-ops';

/** Bytes the sniffer reads at most: an Office file's first entries lie well within them. */
export const SNIFF_BYTES = 64 * 1024;
/** Bytes after which a file whose start matches no signature is refused. */
const SIGNATURE_BYTES = 16;
/** An EBML header (WebM, Matroska) names its DocType within its first bytes. */
const EBML_HEADER_BYTES = 64;

const startsWith = (head: Uint8Array, bytes: readonly number[], at = 0): boolean =>
  head.length >= at + bytes.length && bytes.every((b, i) => head[at + i] === b);

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));
const text = (head: Uint8Array, from: number, to: number): string =>
  String.fromCharCode(...head.subarray(from, Math.min(to, head.length)));

const ZIP_ENTRY = ascii('PK\x03\x04');
const ZIP_EMPTY = ascii('PK\x05\x06');
const EBML = [0x1a, 0x45, 0xdf, 0xa3];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** ISO media brands of video files (ISO/IEC 14496-12 and -14, Apple's M4V, DASH segments). */
const MP4_BRANDS = new Set([
  'isom',
  'iso2',
  'iso4',
  'iso5',
  'iso6',
  'mp41',
  'mp42',
  'avc1',
  'M4V ',
  'M4VP',
  'dash',
  'mmp4'
]);
/** QuickTime files older than the ftyp box start with one of these atoms. */
const QUICKTIME_ATOMS = new Set(['moov', 'mdat', 'wide']);

const OFFICE_FOLDERS: readonly (readonly [string, AttachmentType])[] = [
  ['word/', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ['ppt/', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
  ['xl/', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']
];

/**
 * The Office type of a ZIP, from the first entry under word/, ppt/ or xl/ whose local header is
 * in `head`. Headers are found by their signature rather than by walking sizes, because an entry
 * written with a data descriptor does not say its size up front.
 */
function officeTypeOf(head: Uint8Array): AttachmentType | null {
  for (let at = 0; at + 30 <= head.length; at++) {
    if (!startsWith(head, ZIP_ENTRY, at)) continue;
    const nameLength = head[at + 26]! | (head[at + 27]! << 8);
    const name = text(head, at + 30, at + 30 + nameLength);
    const office = OFFICE_FOLDERS.find(([folder]) => name.startsWith(folder));
    if (office) return office[1];
  }
  return null;
}

function videoTypeOf(head: Uint8Array): AttachmentType | null {
  const box = text(head, 4, 8);
  if (box === 'ftyp') {
    const brand = text(head, 8, 12);
    if (brand === 'qt  ') return 'video/quicktime';
    return MP4_BRANDS.has(brand) ? 'video/mp4' : null;
  }
  if (QUICKTIME_ATOMS.has(box)) return 'video/quicktime';
  if (!startsWith(head, EBML)) return null;
  // The DocType element (0x4282) with a 4-byte value "webm"; Matroska is not a draft we take.
  const header = head.subarray(0, EBML_HEADER_BYTES);
  for (let at = 4; at + 7 <= header.length; at++) {
    if (startsWith(header, [0x42, 0x82, 0x84, ...ascii('webm')], at)) return 'video/webm';
  }
  return null;
}

/**
 * Whether more bytes could still change what `head` (the start of a longer file, shorter than
 * SNIFF_BYTES) is judged to be: a receiver reads on while this holds, then asks sniffType.
 */
export function needsMoreBytes(head: Uint8Array): boolean {
  if (head.length < SIGNATURE_BYTES) return true;
  if (startsWith(head, EBML)) return head.length < EBML_HEADER_BYTES;
  return startsWith(head, ZIP_ENTRY) && officeTypeOf(head) === null;
}

/** What the file starting with `head` is, judged on these bytes alone; null when it is no draft. */
export function sniffType(head: Uint8Array): AttachmentType | null {
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(head, ascii('%PDF-'))) return 'application/pdf';
  // Version 1 is a PSD, version 2 a PSB (Photoshop's large format).
  if (startsWith(head, ascii('8BPS')) && (startsWith(head, [0, 1], 4) || startsWith(head, [0, 2], 4))) {
    return 'image/vnd.adobe.photoshop';
  }
  if (startsWith(head, ascii('%!PS-Adobe-'))) return 'application/postscript';
  if (startsWith(head, OLE2)) return 'application/vnd.ms-office';
  if (startsWith(head, ZIP_ENTRY)) return officeTypeOf(head) ?? 'application/zip';
  if (startsWith(head, ZIP_EMPTY)) return 'application/zip';
  return videoTypeOf(head);
}
