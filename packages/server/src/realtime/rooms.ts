/** Socket.IO room names, in one place so that joins and emits agree. */
export const rooms = {
  user: (userId: string) => `user:${userId}`,
  /** Every socket opened with one staff session's token: closed together at sign-out. */
  session: (sessionId: string) => `session:${sessionId}`,
  org: (orgId: string) => `org:${orgId}`,
  /** The organisation's supervisors and admins: the ongoing list's feed (SV1). */
  oversight: (orgId: string) => `oversight:${orgId}`,
  staff: (conversationId: string) => `conv:${conversationId}:staff`,
  customer: (conversationId: string) => `conv:${conversationId}:customer`,
};
