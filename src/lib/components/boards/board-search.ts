/**
 * The board list's search: a name matches when it contains what was typed, ignoring case, width
 * (ＡＢＣ and ABC) and spaces, so "双十一" finds "双十一推广活动" and "autumn" finds "Autumn launch".
 */
const fold = (text: string) => text.normalize('NFKC').toLocaleLowerCase().replace(/\s+/g, '');

export function matchesName(name: string, query: string): boolean {
  const q = fold(query);
  return q === '' || fold(name).includes(q);
}
