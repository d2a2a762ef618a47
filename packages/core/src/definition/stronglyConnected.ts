/** Strongly connected components of the subgraph on `nodes` (Tarjan's algorithm, iterative so deep graphs cannot overflow the stack). */
export const stronglyConnected = (nodes: readonly string[], edges: ReadonlyMap<string, readonly string[]>): string[][] => {
  const inside = new Set(nodes)
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const onStack = new Set<string>()
  const stack: string[] = []
  const components: string[][] = []
  let counter = 0
  for (const root of nodes) {
    if (index.has(root)) continue
    const work: [string, number][] = [[root, 0]]
    while (work.length > 0) {
      const frame = work.at(-1) as [string, number]
      const [node, i] = frame
      if (i === 0 && !index.has(node)) {
        index.set(node, counter)
        low.set(node, counter++)
        stack.push(node)
        onStack.add(node)
      }
      const targets = (edges.get(node) ?? []).filter((t) => inside.has(t))
      if (i < targets.length) {
        frame[1]++
        const to = targets[i] as string
        if (!index.has(to)) work.push([to, 0])
        else if (onStack.has(to)) low.set(node, Math.min(low.get(node) as number, index.get(to) as number))
        continue
      }
      work.pop()
      const parent = work.at(-1)
      if (parent) low.set(parent[0], Math.min(low.get(parent[0]) as number, low.get(node) as number))
      if (low.get(node) === index.get(node)) {
        const component: string[] = []
        let member: string
        do {
          member = stack.pop() as string
          onStack.delete(member)
          component.push(member)
        } while (member !== node)
        components.push(component.reverse())
      }
    }
  }
  return components
}
