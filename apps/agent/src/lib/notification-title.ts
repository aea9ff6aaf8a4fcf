/** The tab title with the count of waiting notifications in front (AG2): "(2) Switchboard". */
export function titleWithCount(base: string, count: number): string {
  const bare = base.replace(/^\(\d+\) /, '');
  return count > 0 ? `(${count}) ${bare}` : bare;
}
