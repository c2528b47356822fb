import type { zhCNBoards } from './zh-CN.boards';

/** The board list, the template picker and sign-up's messages, in English. */
export const enBoards: Record<keyof typeof zhCNBoards, string> = {
  'boards.search': 'Find a board',
  'boards.searchPlaceholder': 'Search by name',
  'boards.searchEmpty': 'No board name contains “{query}”.',
  'boards.searchClear': 'Clear search',
  'boards.emptyTitle': 'No boards yet',
  'boards.emptyHint':
    'Start a board from a process template: its stages, checklists and approvals come ready, and you can invite your team right away.',
  'boards.emptyAction': 'New board from a template',
  'boards.template': 'Template',
  'boards.progress': 'Cards by stage: {stages}',
  'boards.progress.stage': '{name} {count}',
  'boards.progress.none': 'No cards yet',
  'boards.progress.cards': '{count} cards',
  'boards.members': 'Members: {count}',
  'boards.membersMore': '{count} more members',
  'boards.actions': 'Actions for “{name}”',
  'templates.pick': 'Choose a template',
  'templates.stageCount': '{count} stages',
  'templates.gateCount': 'Approval steps: {count}',
  'templates.sourcesTitle': 'Sources',
  'templates.sourceDoc.000': 'Marketing planning company workflows',
  'templates.sourceDoc.001': 'Campaign execution and supervision',
  'templates.sourceDoc.002': 'Market department processes SC-001 to SC-008',
  'templates.sourceDoc.003': 'Market department handbook',
  'templates.sourceDoc.004': 'Brand marketing centre workflows',
  'templates.source': '{doc}, {section}, lines {lines}',
  'templates.sourceLine': '{doc}, {section}, line {lines}',
  'templates.sourceNoSection': '{doc}, lines {lines}',
  'templates.sourceNoSectionLine': '{doc}, line {lines}',
  'templates.sourceLinesJoin': ', ',
  'templates.save.exists': 'There is already a template named “{name}”.',
  'templates.save.replace': 'Replace it',
  'templates.save.asNew': 'Save as a new template',
  'templates.save.notYours':
    'Someone else saved it: only they or an administrator may replace it. You can save under another name.',
  'templates.save.replaced': 'Template “{name}” replaced. Pick it when you create a board.',
  'templates.save.newName': '{name} ({n})',
  'error.template.nameTaken': 'A template with this name already exists; choose another name.',
  'auth.signUp.closedTitle': 'Sign-up is by invitation',
  'auth.signUp.closed':
    'This Stageboard is not open for sign-up. Ask an administrator or a board owner for an invitation link, and open it to sign up.'
};
