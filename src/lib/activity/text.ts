/**
 * One activity entry as a sentence in the viewer's language. Every value in it (titles, names,
 * notes) is text the caller renders as text; nothing here builds markup.
 */
import { isBoardRole } from '../auth/permissions';
import { formatIsoDay } from '../i18n/dates';
import type { MessageKey } from '../i18n/locale';
import type { ActivityEntry } from './types';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** The key of the sentence: a date set, changed or cleared reads differently. */
function keyOf(entry: ActivityEntry): MessageKey {
  if (entry.kind === 'attachment.uploaded' && (entry.data.version ?? 1) > 1) {
    return 'activity.attachment.uploaded.version';
  }
  if (entry.kind !== 'card.dated') return `activity.${entry.kind}`;
  if (!entry.data.date) return 'activity.card.dated.cleared';
  return entry.data.fromDate ? 'activity.card.dated.changed' : 'activity.card.dated';
}

export function activityText(entry: ActivityEntry, t: Translate): string {
  const d = entry.data;
  const role = d.role && isBoardRole(d.role) ? t(`members.role.${d.role}`) : (d.role ?? '');
  const params = {
    user: entry.userName || t('activity.someone'),
    title: d.title ?? '',
    from: entry.kind === 'card.renamed' ? (d.from ?? '') : (d.fromStageName ?? ''),
    to: d.toStageName ?? '',
    item: d.item ?? '',
    stage: d.stageName ?? '',
    // Stored from 0 (the approvals' key); people count rounds from 1.
    round: (d.round ?? 0) + 1,
    member: d.memberName ?? '',
    role,
    date: d.date ? formatIsoDay(d.date) : '',
    fromDate: d.fromDate ? formatIsoDay(d.fromDate) : '',
    label: d.label ?? '',
    file: d.file ?? '',
    version: d.version ?? 1
  };
  return t(keyOf(entry), params);
}
