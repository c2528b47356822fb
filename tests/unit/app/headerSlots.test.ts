/**
 * The board header's desktop row folds neighbouring actions of one group (导出: Excel, JSON, CSV)
 * into one dropdown and keeps every other action where the list puts it.
 */
import { describe, expect, it } from 'vitest';
import Download from '@lucide/svelte/icons/download';
import { headerSlots, type HeaderAction, type HeaderGroup } from '#lib/components/app/header-actions';

const exports: HeaderGroup = { id: 'export', label: '导出', icon: Download };
const action = (id: string, group?: HeaderGroup): HeaderAction => ({
  id,
  label: id,
  icon: Download,
  group,
  onselect: () => {}
});

describe('headerSlots', () => {
  it('folds grouped neighbours into one slot, in the list’s order', () => {
    const slots = headerSlots([
      action('charts'),
      action('xlsx', exports),
      action('json', exports),
      action('csv', exports),
      action('filter')
    ]);
    expect(slots.map((s) => (s.kind === 'group' ? s.actions.map((a) => a.id) : s.action.id))).toEqual([
      'charts',
      ['xlsx', 'json', 'csv'],
      'filter'
    ]);
  });

  it('starts a new dropdown when an ungrouped action stands between two of a group', () => {
    const slots = headerSlots([action('xlsx', exports), action('filter'), action('csv', exports)]);
    expect(slots.map((s) => s.kind)).toEqual(['group', 'action', 'group']);
  });
});
