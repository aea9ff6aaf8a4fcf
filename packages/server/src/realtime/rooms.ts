/** Socket.IO room names, in one place so that joins and emits agree. */
export const rooms = {
  user: (userId: string) => `user:${userId}`,
  org: (orgId: string) => `org:${orgId}`,
  staff: (conversationId: string) => `conv:${conversationId}:staff`,
  customer: (conversationId: string) => `conv:${conversationId}:customer`,
};
