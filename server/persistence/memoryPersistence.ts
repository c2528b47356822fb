import { MemoryAttachmentStore } from '../attachments/MemoryAttachmentStore';
import { MemoryAuditStore } from '../audit/MemoryAuditStore';
import { MemoryAuthStore } from '../auth/MemoryAuthStore';
import { MemoryInviteStore } from '../auth/MemoryInviteStore';
import { MemoryMemberStore } from '../auth/MemoryMemberStore';
import { MemoryTokenStore } from '../auth/MemoryTokenStore';
import { MemoryDueIndex } from '../inbox/MemoryDueIndex';
import { MemoryInboxStore } from '../inbox/MemoryInboxStore';
import { MemoryMailStore } from '../mail/MemoryMailStore';
import { MemoryOutboundStore } from '../outbound/MemoryOutboundStore';
import { MemoryRecurringClaims } from '../recurring/MemoryRecurringClaims';
import type { DocStore } from '../store/DocStore';
import { MemoryDocStore } from '../store/MemoryDocStore';
import type { Persistence } from './Persistence';

/**
 * The memory family: nothing survives the process. `docs` lets a test run the rooms over a
 * DocStore of its own (a wrapper that delays or fails single calls) and say so where it starts
 * the server; close() closes that store too.
 */
export function memoryPersistence(docs: DocStore = new MemoryDocStore()): Persistence {
  const accounts = new MemoryAuthStore();
  const members = new MemoryMemberStore(accounts);
  return {
    docs,
    accounts,
    members,
    invites: new MemoryInviteStore(accounts, members),
    tokens: new MemoryTokenStore(),
    audit: new MemoryAuditStore(),
    inbox: new MemoryInboxStore(),
    dueIndex: new MemoryDueIndex(),
    recurringClaims: new MemoryRecurringClaims(),
    attachments: new MemoryAttachmentStore(),
    mail: new MemoryMailStore(),
    outbound: new MemoryOutboundStore(),
    close: () => docs.close()
  };
}
