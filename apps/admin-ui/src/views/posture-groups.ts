/** [[action, [types…]], …], strictest action first. */
export function groupByAction(policy: Record<string, string>): [string, string[]][] {
  const order = ['block', 'route_local', 'mask', 'allow'];
  const groups = new Map<string, string[]>();
  for (const [type, action] of Object.entries(policy))
    groups.set(action, [...(groups.get(action) ?? []), type]);
  const rank = (a: string) => (order.includes(a) ? order.indexOf(a) : order.length);
  return [...groups].sort((a, b) => rank(a[0]) - rank(b[0]));
}
