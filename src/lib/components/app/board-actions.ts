/**
 * The board page's header actions, in the order the header and its phone menu show them. A
 * control the person's role does not allow is left out rather than refused later.
 */
import Activity from '@lucide/svelte/icons/activity';
import BookmarkPlus from '@lucide/svelte/icons/bookmark-plus';
import ChartColumn from '@lucide/svelte/icons/chart-column';
import Download from '@lucide/svelte/icons/download';
import FileBraces from '@lucide/svelte/icons/file-braces';
import FileSpreadsheet from '@lucide/svelte/icons/file-spreadsheet';
import FileText from '@lucide/svelte/icons/file-text';
import Funnel from '@lucide/svelte/icons/funnel';
import IdCard from '@lucide/svelte/icons/id-card';
import ReceiptText from '@lucide/svelte/icons/receipt-text';
import Repeat from '@lucide/svelte/icons/repeat';
import TextCursorInput from '@lucide/svelte/icons/text-cursor-input';
import Users from '@lucide/svelte/icons/users';
import Webhook from '@lucide/svelte/icons/webhook';
import { t } from '$lib/i18n/i18n.svelte';
import type { BoardSession } from '$lib/sync/board-session.svelte';
import type { HeaderAction, HeaderGroup } from './header-actions';

export interface BoardActionHandlers {
  /** Whether the activity feed shows. */
  activityShown: boolean;
  /** Whether the filter bar shows (or a filter is on, which keeps it shown). */
  filtersShown: boolean;
  toggleActivity: () => void;
  openMembers: () => void;
  openRoles: () => void;
  openFields: () => void;
  openPlans: () => void;
  toggleFilters: () => void;
  saveTemplate: () => void;
  openInsights: () => void;
  openClaims: () => void;
  /** The board's webhooks and group robots (integrations/IntegrationsDialog.svelte). */
  openIntegrations: () => void;
  /** Downloads the board's cards as an Excel workbook (/api/boards/[id]/export.xlsx). */
  exportExcel: () => void;
  /** Downloads the board as a re-importable JSON file (/api/boards/[id]/export.json). */
  exportJson: () => void;
  /** Downloads the board's cards as CSV (/api/boards/[id]/export.csv). */
  exportCsv: () => void;
}

export function boardActions(session: BoardSession, on: BoardActionHandlers): HeaderAction[] {
  const list: HeaderAction[] = [
    {
      id: 'activity',
      label: t('activity.title'),
      icon: Activity,
      pressed: on.activityShown,
      onselect: on.toggleActivity
    }
  ];
  if (session.access) {
    list.push({ id: 'members', label: t('members.open'), icon: Users, onselect: on.openMembers });
    list.push({ id: 'roles', label: t('roles.open'), icon: IdCard, onselect: on.openRoles });
  }
  // Which fields cards have is the process, as stages are: offered to those who change it only.
  if (session.may('edit-stages')) {
    list.push({ id: 'fields', label: t('fields.manage'), icon: TextCursorInput, onselect: on.openFields });
  }
  // Everyone sees the plans and their next dates; managers change them in the dialog.
  list.push({ id: 'plans', label: t('plans.open'), icon: Repeat, onselect: on.openPlans });
  // The board's charts: a page of their own (src/routes/boards/[id]/insights), read by every member.
  list.push({
    id: 'insights',
    label: t('insights.open'),
    icon: ChartColumn,
    iconOnly: true,
    onselect: on.openInsights
  });
  // Expense claims (报销): each member their own, approvers anyone's (money/ClaimsDialog.svelte).
  if (session.access) {
    list.push({
      id: 'claims',
      label: t('money.claims'),
      icon: ReceiptText,
      iconOnly: true,
      onselect: on.openClaims
    });
  }
  // Every member may take the board's figures away: one 导出 dropdown on a laptop, three named
  // entries in the phone's menu.
  const exports: HeaderGroup = { id: 'export', label: t('transfer.export'), icon: Download };
  list.push(
    {
      id: 'export',
      label: t('report.excel'),
      icon: FileSpreadsheet,
      group: exports,
      onselect: on.exportExcel
    },
    {
      id: 'export-json',
      label: t('transfer.json'),
      icon: FileBraces,
      group: exports,
      onselect: on.exportJson
    },
    { id: 'export-csv', label: t('transfer.csv'), icon: FileText, group: exports, onselect: on.exportCsv }
  );
  list.push({
    id: 'filter',
    label: t('filter.title'),
    icon: Funnel,
    pressed: on.filtersShown,
    onselect: on.toggleFilters
  });
  // Where the board's news goes outside (webhooks, 企业微信/钉钉/飞书 robots): its managers' setting,
  // an icon on the wide row (which has no room for another label), labelled in the phone's menu.
  if (session.may('edit-board')) {
    list.push({
      id: 'integrations',
      label: t('outbound.open'),
      icon: Webhook,
      iconOnly: true,
      onselect: on.openIntegrations
    });
  }
  if (session.may('save-template')) {
    list.push({
      id: 'save-template',
      label: t('board.saveTemplate'),
      icon: BookmarkPlus,
      menuOnly: true,
      onselect: on.saveTemplate
    });
  }
  return list;
}
