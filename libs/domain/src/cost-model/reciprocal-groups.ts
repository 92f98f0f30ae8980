import type { Service } from './types';

/**
 * Finds the reciprocal groups: reciprocal services that name each other, directly or through other
 * members (the strongly connected components of the naming graph among reciprocal services).
 * Returns the groups of two or more members, each in services order, ordered by first member.
 */
export function findReciprocalGroups(
  services: readonly Service[],
  serviceIndex: ReadonlyMap<string, number>,
): number[][] {
  const n = services.length;
  const edges: number[][] = services.map((s) => {
    if (s.allocate.method !== 'reciprocal') return [];
    const out: number[] = [];
    for (const t of s.allocate.to) {
      const j = serviceIndex.get(t.serviceId);
      if (j !== undefined && services[j].allocate.method === 'reciprocal') out.push(j);
    }
    return out;
  });

  // Tarjan's algorithm, iterative so that a long chain of services cannot overflow the stack.
  const index = new Array<number>(n).fill(-1);
  const low = new Array<number>(n).fill(0);
  const onStack = new Array<boolean>(n).fill(false);
  const stack: number[] = [];
  const groups: number[][] = [];
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1 || services[root].allocate.method !== 'reciprocal') continue;
    const work: [number, number][] = [[root, 0]];
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const [v, next] = frame;
      if (next === 0) {
        index[v] = low[v] = counter++;
        stack.push(v);
        onStack[v] = true;
      }
      if (next < edges[v].length) {
        frame[1] = next + 1;
        const w = edges[v][next];
        if (index[w] === -1) work.push([w, 0]);
        else if (onStack[w]) low[v] = Math.min(low[v], index[w]);
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1][0];
        low[parent] = Math.min(low[parent], low[v]);
      }
      if (low[v] === index[v]) {
        const component: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = false;
          component.push(w);
        } while (w !== v);
        if (component.length > 1) groups.push(component.sort((a, b) => a - b));
      }
    }
  }
  return groups.sort((a, b) => a[0] - b[0]);
}
