// The Python seed library's own test scenarios, ported to the engine.
import { createWorkflow, defineWorkflow, type StepDef } from '@flowkit/core'
import { describe, expect, test } from 'vitest'

describe('the seed scenarios', () => {
  test('run() executes every step: two steps doubling the value turn 3 into 12', async () => {
    const double = ({ state }: { state: { value: number } }) => ({ value: state.value * 2 })
    const flow = defineWorkflow({
      id: 'doubling',
      initial: 'first',
      state: { value: 3 },
      steps: { first: { actions: [double], next: 'second' }, second: { actions: [double], final: true } },
    })
    const done = await createWorkflow(flow).run()
    expect(done.status).toBe('done')
    expect(done.state.value).toBe(12)
  })

  test('one doubling step turns 3 into 6', async () => {
    const flow = defineWorkflow({
      id: 'doubling',
      initial: 'only',
      state: { value: 3 },
      steps: { only: { actions: [({ state }) => ({ value: state.value * 2 })], final: true } },
    })
    expect((await createWorkflow(flow).run()).state).toEqual({ value: 6 })
  })

  test('user input is merged into the state (UserInputtedData)', async () => {
    const flow = defineWorkflow({
      id: 'input',
      initial: 'form',
      state: {} as { yolo?: string },
      steps: { form: { final: true } },
    })
    const workflow = createWorkflow(flow)
    await workflow.next({ yolo: 'swag' })
    expect(workflow.getSnapshot().state).toEqual({ yolo: 'swag' })
  })

  test('a choice step sends the flow to the third step (ChoiceStep)', async () => {
    const flow = defineWorkflow({
      id: 'choice',
      initial: 'first',
      state: { skip_me: false },
      steps: {
        first: { next: 'pick' },
        pick: { next: ({ state }) => (state.skip_me ? 'third' : 'second'), targets: ['second', 'third'] },
        second: { next: 'third' },
        third: { final: true },
      },
    })
    const workflow = createWorkflow(flow)
    await workflow.next()
    await workflow.next({ skip_me: true })
    expect(workflow.getSnapshot().step).toBe('third')
    expect(workflow.getSnapshot().history).toEqual(['first', 'pick', 'third'])
  })

  test('guarded choices pick the one whose guard holds (FixedChoiceStep)', async () => {
    const flow = defineWorkflow({
      id: 'fixed',
      initial: 'pick',
      state: { n: 0 },
      steps: {
        pick: {
          next: [
            { to: 'small', when: ({ state }) => state.n < 10 },
            { to: 'large', when: ({ state }) => state.n >= 10 },
          ],
        },
        small: { final: true },
        large: { final: true },
      },
    })
    const workflow = createWorkflow(flow)
    await workflow.next({ n: 42 })
    expect(workflow.getSnapshot().step).toBe('large')
  })

  test('several matching guards are an error naming them (TooManyNextStepsError)', async () => {
    const flow = defineWorkflow({
      id: 'fixed',
      initial: 'pick',
      state: { n: 0 },
      steps: {
        pick: {
          next: [
            { to: 'a', when: ({ state }) => state.n > 0, label: 'positive' },
            { to: 'b', when: ({ state }) => state.n > 5, label: 'large' },
          ],
        },
        a: { final: true },
        b: { final: true },
      },
    })
    const workflow = createWorkflow(flow)
    const after = await workflow.next({ n: 9 })
    expect(after.error?.code).toBe('AMBIGUOUS_CHOICE')
    expect(after.error?.message).toContain("step 'pick'")
    expect(after.error?.message).toContain('positive, large')
    expect(after.step).toBe('pick')
    expect(after.state).toEqual({ n: 0 })
  })

  test('a flow can be built step by step (WorkflowBuilder), as plain data', async () => {
    const steps: Record<string, StepDef<{ visited: string[] }>> = {}
    const names = ['one', 'two', 'three']
    names.forEach((name, i) => {
      const next = names[i + 1]
      steps[name] = {
        actions: [({ state }) => ({ visited: [...state.visited, name] })],
        ...(next ? { next } : { final: true }),
      }
    })
    const flow = defineWorkflow({ id: 'built', initial: 'one', state: { visited: [] as string[] }, steps })
    const done = await createWorkflow(flow).run()
    expect(done.state.visited).toEqual(['one', 'two', 'three'])
  })
})
