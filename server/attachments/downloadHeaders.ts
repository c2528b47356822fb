/**
 * The headers a stored attachment is served with. The bytes are whatever a member uploaded: a
 * PDF or an image that is also valid HTML or SVG (a polyglot) must never run script in our
 * origin, where it could read the board API with the viewer's cookie.
 */
import { inlineDisposition } from './fileName';
import type { StoredFile } from './AttachmentService';

/**
 * `sandbox` makes the response its own opaque origin with scripts, forms and plugins off, even
 * if a browser renders it as a document; `default-src 'none'` stops it loading anything else
 * (an image document needs only itself: `img-src 'self'`; Chromium's image and PDF viewers style
 * themselves inline). It is the rule GitHub's and Google's user-content hosts follow.
 */
export const ATTACHMENT_CSP =
  "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; object-src 'none'; frame-ancestors 'self'";

/** Headers for one stored version: its sniffed type, no sniffing, no script, cached for good. */
export function attachmentHeaders(
  file: Pick<StoredFile, 'type' | 'name' | 'sha256'>
): Record<string, string> {
  return {
    // The type sniffed at upload; the browser must not second-guess it (into HTML, say).
    'content-type': file.type,
    'x-content-type-options': 'nosniff',
    'content-security-policy': ATTACHMENT_CSP,
    // Not even the viewer's own origin keeps a window handle on it.
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'content-disposition': inlineDisposition(file.name),
    // A version never changes (a new round is a new URL), so it is cached for good; private,
    // since only members may see it.
    'cache-control': 'private, max-age=31536000, immutable',
    etag: `"${file.sha256}"`
  };
}
