import { createWorkflow, defineWorkflow } from '@flowkit/core'
import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { useField, useStep, WorkflowProvider, WorkflowSteps } from '../src'
import { modes, renderIn } from './fixtures'

const born = defineWorkflow({
  id: 'born',
  initial: 'birth',
  state: { born: '', nickname: '' },
  steps: {
    birth: {
      validate: z.object({ born: z.string().regex(/^\d{1,2} \d{1,2} \d{4}$/, 'Enter your date of birth as day, month and year') }),
      next: 'done',
    },
    done: { final: true },
  },
})

/** A field with a hint and one without, both through `useField`. */
function Birth() {
  const { submit } = useStep()
  const date = useField<string>('born', { hint: true })
  const nickname = useField<string>('nickname')
  return (
    <form onSubmit={submit}>
      <label htmlFor={date.id}>Date of birth</label>
      <span id={date.hintId}>For example, 27 3 2007</span>
      {date.issues.length > 0 && <p id={date.errorId}>{date.issues[0]}</p>}
      <input {...date.props} />
      <label htmlFor={nickname.id}>Nickname</label>
      <input {...nickname.props} />
      <button type="submit">Continue</button>
    </form>
  )
}

const app = () => (
  <WorkflowProvider workflow={createWorkflow(born)}>
    <WorkflowSteps steps={{ birth: Birth, done: () => <p>Done</p> }} />
  </WorkflowProvider>
)

describe.each(modes)('a field with a hint %s', (_, strict) => {
  it('is described by its hint, and by the hint and then the error once its answer is refused', async () => {
    renderIn(strict, app())
    const input = screen.getByLabelText('Date of birth')
    expect(input).toHaveAccessibleDescription('For example, 27 3 2007')
    expect(input).not.toHaveAttribute('aria-invalid')
    await userEvent.type(input, '27 March')
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }))
    expect(input).toHaveAttribute('aria-invalid', 'true')
    expect(input).toHaveAccessibleDescription('For example, 27 3 2007 Enter your date of birth as day, month and year')
    expect(input.getAttribute('aria-describedby')?.split(' ')).toEqual([expect.stringMatching(/-hint$/), expect.stringMatching(/-error$/)])
  })

  it('leaves a field without the option undescribed, and its hint id distinct from its input and error ids', () => {
    renderIn(strict, app())
    const input = screen.getByLabelText('Nickname')
    expect(input).not.toHaveAttribute('aria-describedby')
    const ids = [...document.querySelectorAll('[id]')].map((element) => element.id)
    expect(new Set(ids).size).toBe(ids.length)
  })
})
