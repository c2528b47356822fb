import type { LabelColor } from '$lib/board';

/**
 * Label colours as shown: mid shades that carry white text and read on light and dark boards,
 * each dark enough for 4.5:1 against that white text (axe-core's colour-contrast rule).
 */
export const LABEL_SWATCH: Record<LabelColor, string> = {
  green: '#347f44',
  yellow: '#8a6d00',
  orange: '#b0561a',
  red: '#c23b3b',
  purple: '#7c4dbb',
  blue: '#2f6fc4',
  sky: '#177a95',
  pink: '#c2417f',
  gray: '#6b7280'
};
