/**
 * One activity entry as a sentence in the viewer's language. Every value in it (titles, names,
 * notes) is text the caller renders as text; nothing here builds markup.
 */
import { isBoardRole } from '../auth/permissions';
import type { MessageKey } from '../i18n/locale';
import type { ActivityEntry } from './types';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

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
    round: d.round ?? 0,
    member: d.memberName ?? '',
    role
  };
  return t(`activity.${entry.kind}`, params);
}
