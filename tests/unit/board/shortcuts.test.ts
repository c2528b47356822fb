import { describe, expect, it } from 'vitest';
import { can, type BoardRole } from '#lib/auth/permissions';
import { en } from '#lib/i18n/en';
import { neighbourCard, SHORTCUT_HELP, shortcutFor, type KeyPress } from '#lib/components/board/shortcuts';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods
});
const as = (role: BoardRole, onCard = true, typing = false) => ({
  typing,
  onCard,
  may: (action: Parameters<typeof can>[1]) => can(role, action)
});

describe('shortcutFor', () => {
  it('maps the Trello and Linear keys to their commands for an editor on a card', () => {
    const kinds = ['n', '/', 'f', 'm', 'a'].map((k) => shortcutFor(press(k), as('editor'))?.kind);
    expect(kinds).toEqual(['new-card', 'search', 'filter', 'move', 'assign-me']);
    expect(shortcutFor(press('?', { shiftKey: true }), as('editor'))).toEqual({ kind: 'help' });
    expect(shortcutFor(press('ArrowLeft'), as('editor'))).toEqual({ kind: 'focus', direction: 'left' });
    expect(shortcutFor(press('ArrowDown'), as('viewer'))).toEqual({ kind: 'focus', direction: 'down' });
  });

  it('never takes a key typed into a field', () => {
    for (const key of ['n', '/', 'f', 'm', 'a', '?', 'ArrowUp']) {
      expect(shortcutFor(press(key), as('owner', true, true))).toBeNull();
    }
  });

  it('leaves keys with Ctrl, ⌘ or Alt to the browser, and shifted letters to the person', () => {
    expect(shortcutFor(press('n', { ctrlKey: true }), as('owner'))).toBeNull();
    expect(shortcutFor(press('f', { metaKey: true }), as('owner'))).toBeNull();
    expect(shortcutFor(press('/', { altKey: true }), as('owner'))).toBeNull();
    expect(shortcutFor(press('?', { ctrlKey: true, shiftKey: true }), as('owner'))).toBeNull();
    expect(shortcutFor(press('N', { shiftKey: true }), as('owner'))).toBeNull();
    expect(shortcutFor(press('ArrowUp', { shiftKey: true }), as('owner'))).toBeNull();
  });

  it('gives viewers and commenters no new card, move or assign, but search, filter and help', () => {
    for (const role of ['viewer', 'commenter'] as const) {
      expect(shortcutFor(press('n'), as(role))).toBeNull();
      expect(shortcutFor(press('m'), as(role))).toBeNull();
      expect(shortcutFor(press('a'), as(role))).toBeNull();
      expect(shortcutFor(press('/'), as(role))?.kind).toBe('search');
      expect(shortcutFor(press('f'), as(role))?.kind).toBe('filter');
    }
  });

  it('needs a focused card for move, assign and the arrows', () => {
    expect(shortcutFor(press('m'), as('owner', false))).toBeNull();
    expect(shortcutFor(press('a'), as('owner', false))).toBeNull();
    expect(shortcutFor(press('ArrowRight'), as('owner', false))).toBeNull();
    expect(shortcutFor(press('n'), as('owner', false))?.kind).toBe('new-card');
  });
});

describe('neighbourCard', () => {
  const columns = [
    [
      { id: 'a1', middle: 100 },
      { id: 'a2', middle: 180 },
      { id: 'a3', middle: 260 }
    ],
    [],
    [
      { id: 'c1', middle: 110 },
      { id: 'c2', middle: 250 }
    ]
  ];

  it('moves up and down within the column and stops at its ends', () => {
    expect(neighbourCard(columns, 'a2', 'up')).toBe('a1');
    expect(neighbourCard(columns, 'a2', 'down')).toBe('a3');
    expect(neighbourCard(columns, 'a1', 'up')).toBeNull();
    expect(neighbourCard(columns, 'a3', 'down')).toBeNull();
  });

  it('moves sideways to the card nearest in height, past empty columns', () => {
    expect(neighbourCard(columns, 'a3', 'right')).toBe('c2');
    expect(neighbourCard(columns, 'a1', 'right')).toBe('c1');
    expect(neighbourCard(columns, 'c1', 'left')).toBe('a1');
    expect(neighbourCard(columns, 'c2', 'left')).toBe('a3');
    expect(neighbourCard(columns, 'a1', 'left')).toBeNull();
    expect(neighbourCard(columns, 'c1', 'right')).toBeNull();
  });

  it('knows no neighbour of a card it cannot find', () => {
    expect(neighbourCard(columns, 'gone', 'down')).toBeNull();
  });
});

describe('SHORTCUT_HELP', () => {
  it('lists every shortcut the brief promises, each with a label in the catalogue', () => {
    const keys = SHORTCUT_HELP.flatMap((g) => g.lines.flatMap((l) => l.keys.flat()));
    for (const key of ['N', '/', 'F', 'E', 'F2', 'Esc', '↑', '→', 'M', 'A', '?']) expect(keys).toContain(key);
    for (const line of SHORTCUT_HELP.flatMap((g) => g.lines)) expect(en[line.label]).toBeTruthy();
  });
});
