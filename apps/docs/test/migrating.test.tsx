import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { type ComponentType, StrictMode } from 'react'
import { describe, expect, test } from 'vitest'
import { Signup } from '../src/examples/getting-started/Signup.tsx'
import { ReactUseWizardSignup } from '../src/examples/migrating/ReactUseWizardSignup.tsx'
import { StepperizeSignup } from '../src/examples/migrating/StepperizeSignup.tsx'
import { XStateSignup } from '../src/examples/migrating/XStateSignup.tsx'

/** The migration pages claim "the same wizard in both": one script drives all four. */
const wizards: [string, ComponentType][] = [
  ['Flowkit', Signup],
  ['react-use-wizard', ReactUseWizardSignup],
  ['@stepperize/react', StepperizeSignup],
  ['XState', XStateSignup],
]

describe.each(wizards)('the signup wizard written with %s', (_, Wizard) => {
  const start = () => {
    render(
      <StrictMode>
        <Wizard />
      </StrictMode>,
    )
    return userEvent.setup()
  }
  const next = (user: ReturnType<typeof userEvent.setup>) => user.click(screen.getByRole('button', { name: 'Continue' }))

  test('refuses an invalid email and stays on the step', async () => {
    const user = start()
    await user.type(screen.getByLabelText('Email address'), 'ada')
    await next(user)
    expect((await screen.findAllByText('Enter an email address like ada@example.com')).length).toBeGreaterThan(0)
    expect(screen.getByRole('heading', { name: 'Your email' })).toBeInTheDocument()
  })

  test('asks the pro plan for a company, and Back from the end returns to it', async () => {
    const user = start()
    await user.type(screen.getByLabelText('Email address'), 'ada@example.com')
    await next(user)
    await user.click(await screen.findByLabelText('Pro'))
    await next(user)
    await user.type(await screen.findByLabelText('Company name'), 'Analytical Engines')
    await next(user)
    await screen.findByRole('heading', { name: 'Create your account' })
    await user.click(screen.getByRole('button', { name: 'Back' }))
    expect(await screen.findByRole('heading', { name: 'Your company' })).toBeInTheDocument()
  })

  test('skips the company for the free plan, Back from the end returns to the plan, and it finishes', async () => {
    const user = start()
    await user.type(screen.getByLabelText('Email address'), 'ada@example.com')
    await next(user)
    await user.click(await screen.findByLabelText('Free'))
    await next(user)
    await screen.findByRole('heading', { name: 'Create your account' })
    await user.click(screen.getByRole('button', { name: 'Back' }))
    await screen.findByRole('heading', { name: 'Choose a plan' })
    await next(user)
    await screen.findByRole('heading', { name: 'Create your account' })
    await next(user)
    expect(await screen.findByText('Account created. Check your inbox.')).toBeInTheDocument()
  })
})
