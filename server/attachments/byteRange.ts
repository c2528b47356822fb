/**
 * The one byte range a request asks for (RFC 9110 §14.2), so a video can be played from any
 * moment: browsers seek in media by asking for the bytes from that point on, and a server that
 * answers only whole files leaves the timeline unseekable past what has been fetched. Several
 * ranges in one request are answered whole (no browser asks for them for media).
 */

/** Inclusive first and last byte. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * The range `header` names within a file of `size` bytes: null to send it whole (no header, or
 * one this does not serve), 'unsatisfiable' for a range past the end (416).
 */
export function byteRange(header: string | null, size: number): ByteRange | 'unsatisfiable' | null {
  const match = header ? /^bytes=(\d{0,15})-(\d{0,15})$/.exec(header.trim()) : null;
  if (!match || (match[1] === '' && match[2] === '')) return null;
  const [first, last] = [match[1]!, match[2]!];
  if (first === '') {
    // A suffix: the last n bytes.
    const n = Number(last);
    return n === 0 || size === 0 ? 'unsatisfiable' : { start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (start >= size) return 'unsatisfiable';
  return end < start ? null : { start, end };
}
