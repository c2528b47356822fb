import { SqliteAttachmentStore } from '../attachments/SqliteAttachmentStore';
import { SqliteAuditStore } from '../audit/SqliteAuditStore';
import { SqliteAuthStore } from '../auth/SqliteAuthStore';
import { SqliteInviteStore } from '../auth/SqliteInviteStore';
import { SqliteMemberStore } from '../auth/SqliteMemberStore';
import { SqliteTokenStore } from '../auth/SqliteTokenStore';
import type { Config } from '../config';
import { SqliteDueIndex } from '../inbox/SqliteDueIndex';
import { SqliteInboxStore } from '../inbox/SqliteInboxStore';
import { SqliteMailStore } from '../mail/SqliteMailStore';
import { SqliteOutboundStore } from '../outbound/SqliteOutboundStore';
import { SqliteRecurringClaims } from '../recurring/SqliteRecurringClaims';
import { SqliteDocStore } from '../store/SqliteDocStore';
import type { Persistence } from './Persistence';

/**
 * The SQLite family: every store on one file and one connection, so there is one writer, one
 * backup and one migration history, and an account write never rides in a batch of document
 * updates (SqliteDocStore.connection).
 */
export function openSqlitePersistence(config: Pick<Config, 'dbFile' | 'durability'>): Persistence {
  const docs = SqliteDocStore.open(config);
  return {
    docs,
    accounts: SqliteAuthStore.over(docs),
    members: SqliteMemberStore.over(docs),
    invites: SqliteInviteStore.over(docs),
    tokens: SqliteTokenStore.over(docs),
    audit: SqliteAuditStore.over(docs),
    inbox: SqliteInboxStore.over(docs),
    dueIndex: SqliteDueIndex.over(docs),
    recurringClaims: SqliteRecurringClaims.over(docs),
    attachments: SqliteAttachmentStore.over(docs),
    mail: SqliteMailStore.over(docs),
    outbound: SqliteOutboundStore.over(docs),
    close: () => docs.close()
  };
}
