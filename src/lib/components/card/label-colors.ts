import type { LabelColor } from '$lib/board';

/** Label colours as shown: mid shades that carry white text and read on light and dark boards. */
export const LABEL_SWATCH: Record<LabelColor, string> = {
  green: '#3f8f4f',
  yellow: '#b08a00',
  orange: '#c4641b',
  red: '#c23b3b',
  purple: '#7c4dbb',
  blue: '#2f6fc4',
  sky: '#1d8aa8',
  pink: '#c2417f',
  gray: '#6b7280'
};
