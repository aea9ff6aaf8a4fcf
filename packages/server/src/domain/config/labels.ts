/** How messages name each kind of configuration entity (and staff), so every refusal says it alike. */
export const ENTITY_LABEL = {
  skills: 'skill',
  capacityProfiles: 'capacity profile',
  presences: 'presence',
  operatingHours: 'operating hours',
  queues: 'queue',
  workstreams: 'workstream',
  users: 'user',
} as const;
