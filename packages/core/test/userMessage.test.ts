import { createWorkflow, defineWorkflow, userMessage, WorkflowError } from '@flowkit/core'
import { describe, expect, test } from 'vitest'

const failing = (thrown: () => unknown) =>
  createWorkflow(
    defineWorkflow({
      id: 'signup',
      initial: 'username',
      state: {},
      steps: {
        username: {
          actions: [
            async () => {
              throw thrown()
            },
          ],
          next: 'done',
        },
        done: { final: true },
      },
    }),
  )

describe('userMessage: the words to show a person for a failed step', () => {
  test("is the message the app's action threw, not the developer diagnostic", async () => {
    const failed = await failing(() => new Error('That username is taken')).next({ name: 'ada' })
    expect(failed.error?.code).toBe('ACTION_FAILED')
    expect(failed.error?.message).not.toBe('That username is taken')
    expect(userMessage(failed.error)).toBe('That username is taken')
  })

  test("an app's own error class counts; a bug's TypeError, a non-error and an empty message get the fallback", async () => {
    class Declined extends Error {}
    expect(userMessage((await failing(() => new Declined('Your bank declined the card')).next()).error)).toBe('Your bank declined the card')
    const bug = (await failing(() => new TypeError("Cannot read properties of undefined (reading 'id')")).next()).error
    expect(userMessage(bug)).toMatch(/^Something went wrong on our side/)
    expect(userMessage((await failing(() => 'nope').next()).error, 'Please try again.')).toBe('Please try again.')
    expect(userMessage((await failing(() => new Error('')).next()).error, 'Please try again.')).toBe('Please try again.')
    expect(userMessage(undefined, 'fallback')).toBe('fallback')
  })

  test('reaches through the errors wrapping it', () => {
    const inner = new WorkflowError('ACTION_FAILED', 'action #1 failed', {
      category: 'transition',
      cause: new Error('The card was declined'),
    })
    const outer = new WorkflowError('FORWARD_BLOCKED', "goTo('review') stopped", { category: 'transition', cause: inner })
    expect(userMessage(outer)).toBe('The card was declined')
  })
})
