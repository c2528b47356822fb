/**
 * The hooks a Stageboard server gives its rooms: the update policy (server/policy) judges every
 * client update before it is applied, and the activity probe (server/audit) reads the cards it
 * touches before and after, so the activity log hears what the update did once it is durable.
 * The rooms see one RoomHooks object and know neither; what rides from one hook to the next is
 * this file's own business.
 */
import { demoteOverruns, type ExpenseRef } from '#lib/board/expenses';
import { SERVER_ORIGIN } from '#lib/board/origin';
import { probeActivity, type ActivityProbe, type DerivedEvent } from './audit/deriveActivity';
import { checkUpdate } from './policy/updatePolicy';
import type { ChangePayload, RoomHooks } from './rooms/hooks';

/**
 * What an accepted update carries from `beforeUpdate` on: the probe, the overruns to demote, then
 * the events the probe found.
 */
interface Accepted {
  probe: ActivityProbe;
  overruns: ExpenseRef[];
  events: DerivedEvent[];
}

export interface BoardRoomHookOptions {
  /** An accepted client update is durable and made these activity entries (never called with none). */
  activity(boardId: string, userId: string, events: DerivedEvent[]): void;
  /** Any change of a board, the server's too, is durable and broadcast. */
  changed(change: ChangePayload): void;
}

/** Policy before every client update, activity after it, `changed` after every change. */
export function boardRoomHooks(options: BoardRoomHookOptions): RoomHooks<Accepted> {
  return {
    beforeUpdate({ doc, update, peer, decoded }) {
      const verdict = checkUpdate(doc, update, peer, decoded);
      if (!verdict.ok) return verdict;
      // Read before the update is applied: the probe compares the touched cards after with this.
      const probe = probeActivity(doc, verdict.touches);
      return { ok: true, context: { probe, overruns: verdict.overruns, events: [] } };
    },
    updateApplied({ doc, context }) {
      // An overrun that lost the race (moneyPolicy.ts) is demoted before anything else runs, and
      // stored in one append with the update (hooks.ts): it is never durable, or read, as spent.
      if (context.overruns.length > 0) demoteOverruns(doc, context.overruns, SERVER_ORIGIN);
      context.events = context.probe.finish(doc);
    },
    updateStored({ boardId, peer, context }) {
      if (context.events.length > 0) options.activity(boardId, peer.userId, context.events);
    },
    changed(change) {
      options.changed(change);
    }
  };
}
