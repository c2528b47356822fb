import type { TransferMessageKey } from './zh-CN.transfer';

/** Board exports, re-import and an account's own archive, in English; typed against the Chinese. */
export const enTransfer: Record<TransferMessageKey, string> = {
  'transfer.export': 'Export',
  'transfer.json': 'Export JSON (re-importable)',
  'transfer.csv': 'Export CSV',
  'transfer.csv.stage': 'Stage',
  'transfer.csv.title': 'Card',
  'transfer.csv.assignees': 'Assignees',
  'transfer.csv.labels': 'Labels',
  'transfer.csv.start': 'Start date',
  'transfer.csv.due': 'Due date',
  'transfer.csv.checklist': 'Checklist (done/total)',
  'transfer.csv.budget': 'Budget',
  'transfer.csv.spent': 'Spent',
  'transfer.csv.comments': 'Comments',
  'transfer.csv.archived': 'Archived',
  'transfer.csv.created': 'Created',
  'transfer.csv.yes': 'Yes',
  'transfer.error.invalidFile':
    'This is not a board file exported by Stageboard. Choose a file made with “Export JSON”.',
  'transfer.error.version': 'This file comes from a newer Stageboard and cannot be imported here yet.',
  'transfer.error.invalidDocument':
    'The file is incomplete or was edited, so the board cannot be restored: {message}',
  'transfer.error.tooLarge': 'The file is too large to import.',
  'transfer.account.title': 'Export my data',
  'transfer.account.intro':
    'Download every board you own in one archive: each board as a re-importable JSON file, with the files uploaded to it.',
  'transfer.account.contents': 'The archive holds',
  'transfer.account.itemBoards': 'Board JSON (stages, rules, cards, comments, approvals and activity)',
  'transfer.account.itemFiles': 'Attachment files (by board, attachment and version)',
  'transfer.account.itemManifest': 'manifest.json (the list of files and their sizes)',
  'transfer.account.count': 'Boards you own: {count}',
  'transfer.account.none': 'You do not own any board yet, so there is nothing to export.',
  'transfer.account.size':
    'Attachments come to {size}. With many files packing takes a moment; the browser shows the download’s progress.',
  'transfer.account.files': 'Files: {count}',
  'transfer.account.download': 'Download everything (.tar.gz)'
};
