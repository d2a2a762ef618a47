import { edgesOf, type WorkflowDefinition } from '@flowkit/core'
import { conditionOf } from '../conditions'
import type { Condition } from '../format'
import { decide, type declaredDomains, showWitness, type Witness } from './decide'
import type { Finding } from './findings'
import { stepName } from './stepName'

/** Overlaps and gaps of each step's guarded choices, where every guard is declarative. */
export const checkGuards = (definition: WorkflowDefinition, domains: ReturnType<typeof declaredDomains>): Finding[] => {
  const findings: Finding[] = []
  for (const id of Object.keys(definition.steps)) {
    const edges = edgesOf(definition, id)
    const guarded = edges.filter((e) => e.kind === 'guard')
    const conditions = guarded.map((e) => conditionOf(e.when))
    if (guarded.length === 0 || conditions.some((c) => c === undefined)) continue
    const hasFallback = edges.some((e) => e.kind === 'fallback')
    const overlaps = new Map<string, { pair: [number, number]; witness: Witness }>()
    let gap: Witness | undefined
    decide(conditions as Condition[], domains, (holds, witness) => {
      const on = holds.flatMap((h, i) => (h ? [i] : []))
      if (on.length === 0 && !hasFallback) gap ??= witness
      for (let a = 0; a < on.length; a++) {
        for (let b = a + 1; b < on.length; b++) {
          const key = `${on[a]},${on[b]}`
          if (!overlaps.has(key)) overlaps.set(key, { pair: [on[a] as number, on[b] as number], witness })
        }
      }
    })
    for (const { pair, witness } of overlaps.values()) {
      const [a, b] = pair.map((i) => guarded[i]) as [(typeof guarded)[number], (typeof guarded)[number]]
      findings.push({
        kind: 'guard-overlap',
        severity: 'error',
        step: id,
        steps: [a.to, b.to],
        example: witness,
        message: `step ${stepName(definition, id)}: the guards to ${stepName(definition, a.to)} and ${stepName(definition, b.to)} both hold when ${showWitness(witness)}, so the engine stops with AMBIGUOUS_CHOICE; make their conditions exclusive.`,
      })
    }
    if (gap) {
      findings.push({
        kind: 'guard-gap',
        severity: 'error',
        step: id,
        steps: guarded.map((c) => c.to),
        example: gap,
        message: `step ${stepName(definition, id)}: no guard holds when ${showWitness(gap)}, so the engine stops with NO_CHOICE; add a fallback choice without "when", or cover that case.`,
      })
    }
  }
  return findings
}
