/** What the agent typed in the closed list's search (AG10): text, and local dates as `YYYY-MM-DD`. */
export type ClosedSearchInput = { customer: string; from: string; to: string };

export type ClosedSearchQuery = { customer?: string; from?: string; to?: string };

/** Local midnight of a `YYYY-MM-DD` date, `days` later, as an instant; undefined when it is no date. */
function localMidnight(date: string, days = 0): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/**
 * The list query for a search: the days are the agent's own (local midnight to local midnight),
 * the end date included. Dates the wrong way round are not sent: the agent is told instead.
 */
export function closedSearchQuery(input: ClosedSearchInput): { query: ClosedSearchQuery } | { reversed: true } {
  const customer = input.customer.trim();
  const from = localMidnight(input.from);
  const to = localMidnight(input.to, 1);
  if (from && to && Date.parse(from) >= Date.parse(to)) return { reversed: true };
  return {
    query: {
      ...(customer ? { customer: customer.slice(0, 200) } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    },
  };
}
