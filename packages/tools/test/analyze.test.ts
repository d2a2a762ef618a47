import { defineWorkflow } from '@flowkit/core'
import { describe, expect, it } from 'vitest'
import { analyzeWorkflow } from '../src/analyze/index'
import { loadWorkflow } from '../src/index'

const flow = (steps: Record<string, unknown>, state: Record<string, unknown> = {}) =>
  loadWorkflow({ id: 'f', initial: 'start', state, steps })
const kinds = (definition: ReturnType<typeof flow>) => analyzeWorkflow(definition).map((f) => f.kind)

describe('analyzeWorkflow', () => {
  it('finds nothing wrong in a sound flow', () => {
    const sound = flow({
      start: { fields: { plan: { required: true, enum: ['single', 'family'] } }, next: 'choose' },
      choose: {
        next: [
          { to: 'family', when: { field: 'plan', eq: 'family' } },
          { to: 'end', when: { field: 'plan', eq: 'single' } },
        ],
      },
      family: { next: 'end' },
      end: { final: true },
    })
    expect(analyzeWorkflow(sound)).toEqual([])
  })

  it('finds guards that overlap, with a state where both hold', () => {
    const findings = analyzeWorkflow(
      flow({
        start: {
          next: [{ to: 'adult', when: { field: 'age', gte: 18 } }, { to: 'senior', when: { field: 'age', gt: 64 } }, { to: 'end' }],
        },
        adult: { next: 'end' },
        senior: { next: 'end' },
        end: { final: true },
      }),
    )
    expect(findings).toEqual([
      {
        kind: 'guard-overlap',
        severity: 'error',
        step: 'start',
        steps: ['adult', 'senior'],
        example: { age: 65 },
        message:
          "step 'start': the guards to 'adult' and 'senior' both hold when age = 65, so the engine stops with AMBIGUOUS_CHOICE; make their conditions exclusive.",
      },
    ])
  })

  it('finds a gap between guards with no fallback, with a state no guard covers', () => {
    const findings = analyzeWorkflow(
      flow({
        start: {
          next: [
            { to: 'minor', when: { field: 'age', lt: 18 } },
            { to: 'end', when: { field: 'age', gt: 18 } },
          ],
        },
        minor: { next: 'end' },
        end: { final: true },
      }),
    )
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ kind: 'guard-gap', step: 'start', steps: ['minor', 'end'] })
    expect(findings[0]?.message).toMatch(
      /^step 'start': no guard holds when age (unset|= .+), so the engine stops with NO_CHOICE; add a fallback/,
    )
  })

  it('uses the enum a field declares, so guards covering every value leave no gap', () => {
    const withEnum = (values: string[]) =>
      flow({
        start: { fields: { status: { required: true, enum: values } }, next: 'pick' },
        pick: {
          next: [
            { to: 'a', when: { field: 'status', eq: 'student' } },
            { to: 'end', when: { field: 'status', in: ['employed', 'other'] } },
          ],
        },
        a: { next: 'end' },
        end: { final: true },
      })
    expect(kinds(withEnum(['student', 'employed', 'other']))).toEqual([])
    const gap = analyzeWorkflow(withEnum(['student', 'employed', 'retired']))
    expect(gap.map((f) => [f.kind, f.example])).toEqual([['guard-gap', { status: 'retired' }]])
  })

  it('finds a guard that can never hold and the step only it leads to', () => {
    const findings = analyzeWorkflow(
      flow({
        start: {
          next: [
            {
              to: 'never',
              when: {
                all: [
                  { field: 'n', gt: 5 },
                  { field: 'n', lt: 3 },
                ],
              },
            },
            { to: 'end' },
          ],
        },
        never: { next: 'end' },
        end: { final: true },
      }),
    )
    expect(findings.map((f) => f.kind)).toEqual(['guard-never-holds', 'unreachable-step'])
    expect(findings[0]?.message).toBe(
      "step 'start': the guard to 'never' (n > 5 and n < 3) can never hold, so that choice is never taken; fix the condition or remove the choice.",
    )
    expect(findings[1]?.message).toContain("step 'never' can never be reached")
  })

  it('finds dead ends and cycles with no exit', () => {
    const findings = analyzeWorkflow(
      defineWorkflow({
        id: 'stuck',
        initial: 'start',
        state: { n: 0 },
        steps: {
          start: { next: ({ state }) => (state.n > 0 ? 'loopA' : 'end'), targets: ['loopA', 'end', 'dead'] },
          loopA: { next: 'loopB' },
          loopB: { next: 'loopA' },
          dead: { next: ({ state }) => (state.n > 0 ? 'loopA' : undefined), targets: ['loopA'] },
          end: { final: true },
        },
      }),
    )
    expect(findings.map((f) => [f.kind, f.steps])).toEqual([
      ['trapped-cycle', ['loopA', 'loopB']],
      ['dead-end', ['dead']],
    ])
    expect(findings[0]?.message).toBe(
      "steps 'loopA' → 'loopB' form a cycle with no way out to a final step; add a choice that leaves the cycle.",
    )
    expect(findings[1]?.message).toBe(
      "from step 'dead' no final step can be reached, so users who get there cannot finish; give it a next step that leads to the end.",
    )
  })

  it('finds steps no input can complete', () => {
    const findings = analyzeWorkflow(
      flow({
        start: {
          fields: {
            code: { required: true, minLength: 5, maxLength: 3 },
            age: { required: true, type: 'integer', min: 1.2, max: 1.8 },
            plan: { required: true, enum: ['a', 'b'], pattern: '[0-9]+' },
            note: { minLength: 5, maxLength: 3 },
          },
          next: 'end',
        },
        end: { final: true },
      }),
    )
    expect(findings.map((f) => f.message)).toEqual([
      "no input can complete step 'start': field 'code' is required but minLength 5 is more than maxLength 3; loosen the rule.",
      "no input can complete step 'start': field 'age' is required but no integer lies between 1.2 and 1.8; loosen the rule.",
      "no input can complete step 'start': field 'plan' is required but none of its enum values passes its other rules; loosen the rule.",
    ])
  })

  it('finds a step that is skipped in every state', () => {
    const findings = analyzeWorkflow(
      flow({
        start: { next: 'hidden' },
        hidden: {
          skip: {
            any: [
              { field: 'x', exists: true },
              { field: 'x', exists: false },
            ],
          },
          next: 'end',
        },
        end: { final: true },
      }),
    )
    expect(findings.map((f) => [f.kind, f.step])).toEqual([['always-skipped', 'hidden']])
  })

  it('does not judge guards written as code or calling custom guards', () => {
    const definition = loadWorkflow(
      {
        id: 'f',
        initial: 'start',
        steps: {
          start: {
            next: [
              { to: 'a', when: { guard: 'vip' } },
              { to: 'end', when: { guard: 'vip' } },
            ],
          },
          a: { next: 'end' },
          end: { final: true },
        },
      },
      { guards: { vip: () => true } },
    )
    expect(analyzeWorkflow(definition)).toEqual([])
  })
})
