import { adjacencyOf, reachableFrom, reversed, type StepDef, stronglyConnected, type WorkflowDefinition } from '@flowkit/core'
import { conditionOf, describeCondition } from '../conditions'
import { fieldsOf } from '../fieldSchema'
import type { Condition } from '../format'
import { checkGuards } from './checkGuards'
import { decide, declaredDomains } from './decide'
import { unsatisfiable } from './fieldSatisfiable'
import type { Finding } from './findings'
import { stepName } from './stepName'

type AnyStep = StepDef<any, string, any>

/** Whether a declarative condition can hold at all; undefined when it cannot be decided. */
const canHold = (condition: Condition, domains: ReturnType<typeof declaredDomains>): boolean | undefined => {
  let found = false
  return decide([condition], domains, ([holds]) => (found = holds === true)) ? found : undefined
}

/** The graph a run can take (core's edges): guards that can never hold are left out, each reported once. */
const liveEdges = (definition: WorkflowDefinition, domains: ReturnType<typeof declaredDomains>, findings: Finding[]) =>
  adjacencyOf(definition, (edge) => {
    const condition = edge.kind === 'guard' ? conditionOf(edge.when) : undefined
    if (!condition || canHold(condition, domains) !== false) return true
    findings.push({
      kind: 'guard-never-holds',
      severity: 'warning',
      step: edge.from,
      steps: [edge.to],
      message: `step ${stepName(definition, edge.from)}: the guard to ${stepName(definition, edge.to)} (${describeCondition(condition)}) can never hold, so that choice is never taken; fix the condition or remove the choice.`,
    })
    return false
  })

/** Steps whose own input rules no value passes: no input can complete them. */
const impossibleSteps = (definition: WorkflowDefinition, findings: Finding[]) => {
  for (const [id, step] of Object.entries(definition.steps as Record<string, AnyStep>)) {
    for (const [field, rule] of Object.entries(fieldsOf(step.validate) ?? {})) {
      const why = unsatisfiable(rule)
      if (!why) continue
      findings.push({
        kind: 'impossible-step',
        severity: 'error',
        step: id,
        steps: [id],
        message: `no input can complete step ${stepName(definition, id)}: field '${field}' is required but ${why}; loosen the rule.`,
      })
    }
  }
}

/** Reachable steps from which no final step can be reached: a cycle with no way out, or a dead end. */
const stuckSteps = (definition: WorkflowDefinition, edges: Map<string, string[]>, reachable: Set<string>, findings: Finding[]) => {
  const steps = definition.steps as Record<string, AnyStep>
  const ids = Object.keys(steps)
  const canFinish = reachableFrom(
    reversed(edges),
    ids.filter((id) => steps[id]?.final),
  )
  const stuck = ids.filter((id) => reachable.has(id) && !canFinish.has(id))
  const inCycles = new Set<string>()
  for (const component of stronglyConnected(stuck, edges)) {
    const [first] = component as [string]
    const loops = component.length > 1 || (edges.get(first) ?? []).includes(first)
    if (!loops) continue
    for (const id of component) inCycles.add(id)
    findings.push({
      kind: 'trapped-cycle',
      severity: 'error',
      step: first,
      steps: component,
      message: `steps ${component.map((s) => stepName(definition, s)).join(' → ')} form a cycle with no way out to a final step; add a choice that leaves the cycle.`,
    })
  }
  for (const id of stuck) {
    if (inCycles.has(id)) continue
    findings.push({
      kind: 'dead-end',
      severity: 'error',
      step: id,
      steps: [id],
      message: `from step ${stepName(definition, id)} no final step can be reached, so users who get there cannot finish; give it a next step that leads to the end.`,
    })
  }
}

/**
 * Looks for what makes a flow break for its users: unreachable steps, dead ends, cycles with no exit,
 * guards that can overlap or leave gaps (decided from declarative conditions; guards written as code
 * are not judged), steps no input can complete, and steps always skipped. Never throws for a definition
 * `defineWorkflow` or `composeWorkflow` accepted.
 * @example
 * for (const finding of analyzeWorkflow(checkout)) console.warn(finding.message)
 */
export const analyzeWorkflow = <S extends object, K extends string>(typed: WorkflowDefinition<S, K>): Finding[] => {
  const definition = typed as unknown as WorkflowDefinition
  const findings: Finding[] = []
  const steps = definition.steps as Record<string, AnyStep>
  const ids = Object.keys(steps)
  const domains = declaredDomains(definition)
  const edges = liveEdges(definition, domains, findings)
  for (const id of ids) {
    const skip = conditionOf(steps[id]?.skip)
    if (skip && canHold({ not: skip }, domains) === false) {
      findings.push({
        kind: 'always-skipped',
        severity: 'warning',
        step: id,
        steps: [id],
        message: `step ${stepName(definition, id)} is skipped in every state (${describeCondition(skip)} always holds), so users never see it; fix its skip condition or remove the step.`,
      })
    }
  }
  const reachable = reachableFrom(edges, [definition.initial])
  for (const id of ids) {
    if (!reachable.has(id)) {
      findings.push({
        kind: 'unreachable-step',
        severity: 'error',
        step: id,
        steps: [id],
        message: `step ${stepName(definition, id)} can never be reached: every choice leading to it has a guard that can never hold; fix those guards or remove the step.`,
      })
    }
  }
  stuckSteps(definition, edges, reachable, findings)
  findings.push(...checkGuards(definition, domains))
  impossibleSteps(definition, findings)
  return findings
}
