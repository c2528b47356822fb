import type { DigestService } from './analytics/DigestService';
import type { BoardApi } from './api/BoardApi';
import type { InsightsService } from './analytics/InsightsService';
import type { ReportService } from './analytics/ReportService';
import type { OverviewFeed } from './analytics/OverviewFeed';
import type { OverviewService } from './analytics/OverviewService';
import type { AuthService } from './auth/AuthService';
import type { InviteService } from './auth/InviteService';
import type { TokenService } from './auth/TokenService';
import type { MembershipService } from './auth/MembershipService';
import type { ActivityService } from './audit/ActivityService';
import type { AttachmentService } from './attachments/AttachmentService';
import type { BoardService } from './boards/BoardService';
import type { BoardSummaries } from './boards/BoardSummaries';
import type { ReviewService } from './boards/ReviewService';
import type { DueNotices } from './inbox/DueNotices';
import type { RecurringPlans } from './recurring/RecurringPlans';
import type { InboxService } from './inbox/InboxService';
import type { DeliveryWorker } from './outbound/DeliveryWorker';
import type { OutboundService } from './outbound/OutboundService';
import type { Config } from './config';
import type { RoomManager } from './rooms/RoomManager';
import type { DocStore } from './store/DocStore';
import type { TemplateService } from './templates/TemplateService';
import type { MailService } from './mail/MailService';
import type { AccountArchive } from './transfer/AccountArchive';
import type { BoardTransfer } from './transfer/BoardTransfer';
import type { ImportService } from './transfer/ImportService';

/**
 * The one set of services of this process. SvelteKit bundles its server code apart from
 * server/index.ts, so a module-level singleton would exist twice (a split brain: an HTTP write
 * that never reaches the live room). The services are created once at start and handed over
 * through a global symbol that both bundles read.
 */
export interface Services {
  config: Config;
  store: DocStore;
  rooms: RoomManager;
  boards: BoardService;
  /** Board-list summaries and last-change times, written as documents change. */
  summaries: BoardSummaries;
  templates: TemplateService;
  /** Boards made from a Trello export or a CSV file. */
  imports: ImportService;
  auth: AuthService;
  members: MembershipService;
  invites: InviteService;
  /** The REST API v1's reads and writes of boards (server/api). */
  boardApi: BoardApi;
  /** Personal access tokens of the REST API. */
  tokens: TokenService;
  activity: ActivityService;
  reviews: ReviewService;
  attachments: AttachmentService;
  inbox: InboxService;
  dueNotices: DueNotices;
  recurringPlans: RecurringPlans;
  /** A board's charts (server/analytics). */
  insights: InsightsService;
  /** A card's summary report and the board's workbook (issue 18, 001 七). */
  reports: ReportService;
  /** Board export (JSON, CSV, an account's archive) and re-import: server/transfer. */
  transfer: BoardTransfer;
  /** Everything an account owns as one streamed .tar.gz: server/transfer. */
  accountArchive: AccountArchive;
  /** The inbox as batched mail (server/mail); off without SMTP_URL. */
  mail: MailService;
  /** The manager's page across boards, and its live feed. */
  overview: OverviewService;
  overviewFeed: OverviewFeed;
  digest: DigestService;
  /** A board's webhooks and group-chat robots, and the worker that sends their outbox (server/outbound). */
  outbound: OutboundService;
  deliveries: DeliveryWorker;
}

const KEY = Symbol.for('stageboard.services');
type Holder = { [KEY]?: Services };

/** Registers the process's services; called once by server/index.ts or the dev plugin. */
export function provideServices(services: Services): void {
  (globalThis as Holder)[KEY] = services;
}

/** The process's services; throws when the server entry point has not provided them. */
export function getServices(): Services {
  const services = (globalThis as Holder)[KEY];
  if (!services) {
    throw new Error('Stageboard services are not started: run the app with `npm start` or `npm run dev`.');
  }
  return services;
}

/** Forgets the registered services (tests that start several servers in one process). */
export function clearServices(): void {
  delete (globalThis as Holder)[KEY];
}
