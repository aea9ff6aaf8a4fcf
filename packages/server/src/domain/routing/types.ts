import type {
  AgentConsidered,
  CapacityProfile,
  ClassificationOutputs,
  OperatingHours,
  OverflowAction,
  Presence,
  QueueConfig,
  SkillRequirement,
  TraceStep,
  Workstream,
} from '@switchboard/protocol';

// The routing engine's inputs and outputs. The store loads these snapshots; the engine is pure
// and decides; the services write each decision with a conditional claim.

/** The routing configuration of one organisation, as loaded for one decision cycle. */
export type RoutingConfig = {
  workstreams: ReadonlyMap<string, Workstream>;
  queues: ReadonlyMap<string, QueueConfig>;
  capacityProfiles: ReadonlyMap<string, CapacityProfile>;
  operatingHours: ReadonlyMap<string, OperatingHours>;
  /** The organisation's session limit (AG1): most conversations an agent holds at once; null: none. */
  sessionLimit: number | null;
};

/** What rules can read about a new conversation (RT2). Values are flat records. */
export type RoutingContext = {
  context: Readonly<Record<string, string | number | boolean>>;
  prechat: Readonly<Record<string, string | number | boolean>>;
  channel: Readonly<Record<string, string | number | boolean>>;
  contact: Readonly<Record<string, string | number | boolean | null>>;
  account: Readonly<Record<string, string | number | boolean | null>>;
};

/** Live numbers about a queue, for overflow checks. */
export type QueueStats = { waiting: number; estimatedWaitSeconds: number | null };

export type IntakeInput = {
  conversationId: string;
  workstream: Workstream;
  context: RoutingContext;
  now: Date;
  stats: ReadonlyMap<string, QueueStats>;
};

/** The result of classification, route-to-queue and the one pre-queue overflow check. */
export type IntakeDecision = {
  /** The queue the item waits in; null when an overflow action ended it. */
  queueId: string | null;
  outputs: ClassificationOutputs | Record<string, never>;
  /** Set when overflow fired with an action other than assign-anyway. */
  overflow: OverflowAction | null;
  trace: TraceStep[];
};

/** A capacity need: units, or one or more profiles (each must have room, each is charged). */
export type CapacityNeed = { kind: 'units'; units: number } | { kind: 'profiles'; profileIds: readonly string[] };

/** An open item waiting for an agent. */
export type WorkItem = {
  id: string;
  workstreamId: string;
  queueId: string;
  /** From classification; lower is more urgent. Default 100. */
  priority: number;
  skills: readonly SkillRequirement[];
  need: CapacityNeed;
  /** When it entered the queue; asynchronous items age by the customer's last message instead. */
  enqueuedAt: Date;
  lastCustomerMessageAt: Date | null;
  asynchronous: boolean;
  /** Declines per agent id (reject or timeout). */
  declines: Readonly<Record<string, number>>;
  /** Affinity: the agent who had it before, if the workstream keeps the same agent. */
  affinityAgentId: string | null;
};

export type AgentState = {
  id: string;
  name: string;
  /** Base presence, as routing sees it (custom presences already mapped). */
  presence: Presence;
  capacity: number;
  usedCapacity: number;
  /** Effective limit (the agent's custom limit or the profile default) and use, per profile id. */
  profiles: Readonly<Record<string, { limit: number; used: number }>>;
  queueIds: readonly string[];
  /** Proficiency per skill id. */
  skills: Readonly<Record<string, number>>;
  /** Round robin is kept per queue: last assignment from that queue (null = never). */
  lastAssignedAt: Readonly<Record<string, Date | null>>;
  /** When the agent joined each queue: round robin's order before any assignment. */
  joinedQueueAt: Readonly<Record<string, Date>>;
  /** Least active: when capacity was last released; null = just signed in (counts as least active). */
  lastCapacityReleaseAt: Date | null;
  /** Conversations the agent holds (offered, active, waiting, wrap-up): at most the session limit, if any. */
  sessions: number;
};

/** One decision of an assignment cycle. */
export type AssignmentDecision = {
  itemId: string;
  queueId: string;
  agentId: string | null;
  strategy: string;
  considered: AgentConsidered[];
  /** Why the item was not offered to anyone before any agent was looked at (pick workstream, unknown queue, …). */
  note?: string;
};

/** How well an agent's skills fit an item (RT4). */
export type SkillFit = 'exact' | 'over' | 'under' | 'none-required';

/** An eligible agent, as a strategy sees it. */
export type Candidate = {
  agent: AgentState;
  /** Units left, or for profiles the smallest room left across the item's profiles. */
  remaining: number;
  skillFit: SkillFit;
  /** Sum over required skills of |agent proficiency - required| (0 = exact); for closest match. */
  skillDistance: number;
  declines: number;
};

export type NonEmpty<T> = readonly [T, ...T[]];

/** What a strategy knows about the item it ranks agents for. */
export type StrategyContext = {
  item: WorkItem;
  queueId: string;
  now: Date;
  /** The workstream's matching mode; with 'closest', skill closeness ranks first (after declines). */
  skillMatching?: Workstream['skillMatching'];
};

/**
 * A strategy ranks eligible agents for one item; the first is chosen. Pure and deterministic:
 * `ranked` is a permutation of `candidates` and `reasons` has an entry per agent id. The
 * optional `filter` runs first and may drop candidates (custom order's filters), with a reason
 * for each one dropped.
 */
export type AssignmentStrategy = {
  readonly name: string;
  filter?(
    candidates: readonly Candidate[],
    ctx: StrategyContext,
  ): { kept: Candidate[]; reasons: ReadonlyMap<string, string> };
  rank(
    candidates: NonEmpty<Candidate>,
    ctx: StrategyContext,
  ): { ranked: NonEmpty<Candidate>; reasons: ReadonlyMap<string, string> };
};
