// Reporting loops: everyone has at most one manager, so the reporting lines form a functional graph
// and a loop is a cycle in it (A reports to B, B reports to A). Linear time, no recursion.

/**
 * Every cycle in `managerOf` (person → manager or null), each listed from its smallest key so the
 * result does not depend on iteration order. Managers missing from the map end a chain.
 */
export function findReportingLoops(managerOf: ReadonlyMap<string, string | null>): string[][] {
  const state = new Map<string, 1 | 2>(); // 1: on the current walk, 2: done
  const loops: string[][] = [];
  for (const start of managerOf.keys()) {
    if (state.has(start)) continue;
    const walk: string[] = [];
    let node: string | null | undefined = start;
    while (node != null && managerOf.has(node) && !state.has(node)) {
      state.set(node, 1);
      walk.push(node);
      node = managerOf.get(node);
    }
    if (node != null && state.get(node) === 1) {
      const loop = walk.slice(walk.indexOf(node));
      const first = loop.indexOf([...loop].sort()[0] as string);
      loops.push([...loop.slice(first), ...loop.slice(0, first)]);
    }
    for (const visited of walk) state.set(visited, 2);
  }
  return loops;
}

/**
 * The loop that making `managerId` the manager of `personId` would close, from `personId` round to
 * itself (e.g. [a, b, a]), or null when the change is safe.
 */
export function loopIfManagerChanges(
  managerOf: ReadonlyMap<string, string | null>,
  personId: string,
  managerId: string | null,
): string[] | null {
  if (managerId === null) return null;
  const path = [personId];
  const seen = new Set<string>([personId]);
  let node: string | null | undefined = managerId;
  while (node != null) {
    path.push(node);
    if (node === personId) return path;
    if (seen.has(node)) return null; // an older loop that does not pass through personId
    seen.add(node);
    node = managerOf.get(node);
  }
  return null;
}
