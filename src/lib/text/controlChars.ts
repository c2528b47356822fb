/**
 * Characters that have no business in a name or a title because they change what a reader sees
 * without being seen: NUL and the other C0 and C1 controls (tab, line feed and carriage return
 * aside: the callers fold or refuse those as whitespace), DEL, and the bidirectional controls that
 * reorder text ("invoice\u202Egpj.exe" reads as "invoiceexe.jpg"; Trojan Source, CVE-2021-42574).
 * One definition for board text (src/lib/board), the server's update policy and account names.
 */

const CONTROL =
  // eslint-disable-next-line no-control-regex -- matching control characters is this module's purpose
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const CONTROL_ALL = new RegExp(CONTROL.source, 'g');

/** True when `text` holds a character that can mislead its reader (see above). */
export function hasControlChars(text: string): boolean {
  return CONTROL.test(text);
}

/** `text` without those characters: what the board operations store for a name an honest client typed. */
export function stripControlChars(text: string): string {
  return text.replace(CONTROL_ALL, '');
}
