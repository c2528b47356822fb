import type { zhCNFace } from './zh-CN.face';

/** Card faces at a glance (dates, counts, cover), search matches and the date picker. */
export const enFace: Record<keyof typeof zhCNFace, string> = {
  'face.due': '{label}: {date}',
  'face.due.soon': '{label}: {date}, due soon',
  'face.due.overdue': '{label}: {date}, overdue',
  'face.due.done': '{label}: {date}, done',
  'face.comments': 'Comments: {count}',
  'face.attachments': 'Attachments: {count}',
  'face.described': 'Has a description',
  'face.cover': 'Cover: the latest image draft',
  'face.matched': 'Found in {where}',
  'face.matched.description': 'description',
  'face.matched.comment': 'comments',
  'face.matched.checklist': 'checklist',
  'face.matched.separator': ', ',
  'filter.placeholder': 'Search titles, descriptions, comments, checklists',
  'date.trigger': '{label}: {date}. Pick a date',
  'date.previousMonth': 'Previous month',
  'date.nextMonth': 'Next month',
  'date.none': 'Not set',
  'panel.cardDue': 'Card {label}: {date}',
  'panel.cardDue.overdue': 'Card {label}: {date}, overdue'
};
