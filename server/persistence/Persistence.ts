import type { AttachmentStore } from '../attachments/AttachmentStore';
import type { AuditStore } from '../audit/AuditStore';
import type { AuthStore } from '../auth/AuthStore';
import type { InviteStore } from '../auth/InviteStore';
import type { MemberStore } from '../auth/MemberStore';
import type { TokenStore } from '../auth/TokenStore';
import type { DueIndex } from '../inbox/DueIndex';
import type { InboxStore } from '../inbox/InboxStore';
import type { MailStore } from '../mail/MailStore';
import type { OutboundStore } from '../outbound/OutboundStore';
import type { RecurringClaims } from '../recurring/RecurringClaims';
import type { DocStore } from '../store/DocStore';

/**
 * Every store the server keeps, all of one family (SQLite, memory; PostgreSQL next), chosen
 * once at start. Nothing picks a store by looking at another: a board's document and its
 * members live in the same database, or accounts could vanish on restart while boards stay.
 */
export interface Persistence {
  /** Board documents (the rooms see only their `DocLog` part), the board list and team templates. */
  readonly docs: DocStore;
  readonly accounts: AuthStore;
  readonly members: MemberStore;
  readonly invites: InviteStore;
  /** Personal access tokens of the REST API (server/auth/TokenService.ts). */
  readonly tokens: TokenStore;
  readonly audit: AuditStore;
  readonly inbox: InboxStore;
  readonly dueIndex: DueIndex;
  /** Which recurring plans' occurrences have had their card made (server/recurring). */
  readonly recurringClaims: RecurringClaims;
  readonly attachments: AttachmentStore;
  /** Mail notifications' queue and each person's mail settings (server/mail). */
  readonly mail: MailStore;
  /** Webhooks and group-chat robots, their outbox and its log (server/outbound). */
  readonly outbound: OutboundStore;
  /** Flushes and releases the database; every store of the family is closed with it. */
  close(): Promise<void>;
}
