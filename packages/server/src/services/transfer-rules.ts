import type { TargetRules } from '../domain/conversation/transfer.js';
import type { RoutingConfig } from '../domain/routing/types.js';
import type { ConversationRow } from '../store/conversations.js';

/** The facts the transfer rules (AG5, SV5) judge a target by, for a handoff from `fromUserId`. */
export function targetRules(c: ConversationRow, config: RoutingConfig, fromUserId: string): TargetRules {
  const ws = config.workstreams.get(c.workstreamId);
  return {
    fromUserId,
    queueId: c.queueId,
    allowedPresences: ws?.allowedPresences ?? [],
    need: c.capacityProfileIds.length
      ? { kind: 'profiles', profileIds: c.capacityProfileIds }
      : { kind: 'units', units: c.capacityUnits },
    profiles: config.capacityProfiles,
  };
}
