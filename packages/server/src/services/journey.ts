import type { JourneyActionInput, JourneyList } from '@switchboard/protocol';
import type { Clock } from '../domain/clock.js';
import { notFound } from '../domain/errors.js';
import { checkJourney } from '../domain/journey/journey-rules.js';
import type { Db } from '../store/db.js';
import { getConversation } from '../store/conversations.js';
import { countJourneyActions, insertJourneyActions, listJourney, setVisitorDetails } from '../store/journey.js';
import type { GeoLocator } from '../visitor/geo.js';
import { visitorDetails, type VisitorRequest } from '../visitor/details.js';
import type { StaffIdentity, VisitorIdentity } from './identity.js';

export type JourneyServiceDeps = {
  db: Db;
  clock: Clock;
  /** The offline location database, opened once by app.ts. */
  geo: GeoLocator;
  /** May this staff member read the conversation (the same rule as its detail)? Throws when not. */
  mayRead(who: StaffIdentity, conversation: { id: string; agentId: string | null }): Promise<void>;
};

/** A journey checked before the chat starts: a bad one refuses the start and changes nothing. */
export type CheckedJourney = ReturnType<typeof checkJourney>;

/**
 * CH1 / AG6: the visitor's journey (what `Switchboard.track*` reported) and the visitor details the
 * chat's first request told us (browser, OS, location, language).
 */
export function createJourneyService({ db, clock, geo, mayRead }: JourneyServiceDeps) {
  return {
    /** The journey a start request carries, checked; store it with `afterStart`. */
    checkAtStart: (actions: JourneyActionInput[] | undefined): CheckedJourney =>
      checkJourney(actions ?? [], 0, clock.now()),

    /** Right after the chat started: its visitor details, and the actions tracked before it. */
    async afterStart(orgId: string, conversationId: string, journey: CheckedJourney, req: VisitorRequest) {
      await setVisitorDetails(db, orgId, conversationId, visitorDetails(req, geo));
      await insertJourneyActions(db, orgId, conversationId, journey);
    },

    /** Actions tracked during the chat; the token opened exactly this conversation (mount.ts). */
    async record(who: VisitorIdentity, actions: JourneyActionInput[]): Promise<{ stored: number }> {
      const stored = await countJourneyActions(db, who.orgId, who.conversationId);
      const checked = checkJourney(actions, stored, clock.now());
      return { stored: await insertJourneyActions(db, who.orgId, who.conversationId, checked) };
    },

    async list(who: StaffIdentity, conversationId: string): Promise<JourneyList> {
      const c = await getConversation(db, who.orgId, conversationId);
      if (!c) throw notFound('conversation');
      await mayRead(who, c);
      return { actions: await listJourney(db, who.orgId, conversationId) };
    },
  };
}

export type JourneyService = ReturnType<typeof createJourneyService>;
