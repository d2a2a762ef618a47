import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { StrictMode } from 'react'
import { describe, expect, test } from 'vitest'
import { AsyncActions } from '../src/examples/concepts/AsyncActions.tsx'
import { Drafts } from '../src/examples/concepts/Drafts.tsx'
import { FirstFlow } from '../src/examples/concepts/FirstFlow.tsx'
import { History } from '../src/examples/concepts/History.tsx'
import { NextKinds } from '../src/examples/concepts/NextKinds.tsx'
import { PathState } from '../src/examples/concepts/PathState.tsx'
import { ProgressExample } from '../src/examples/concepts/Progress.tsx'
import { Skipping } from '../src/examples/concepts/Skipping.tsx'
import { Snapshots } from '../src/examples/concepts/Snapshots.tsx'
import { Validation } from '../src/examples/concepts/Validation.tsx'

// Each concept page's live example, driven as its page tells the reader to, in StrictMode as on the site.
const show = (element: React.ReactElement) => {
  render(<StrictMode>{element}</StrictMode>)
  return userEvent.setup()
}
const heading = (name: string) => screen.findByRole('heading', { name })
const continueButton = () => screen.getByRole('button', { name: /^(Continue|Subscribe|Pay|Place order|Send|Finish|Book|Accept|Confirm)$/ })
const stateOf = (label: string) => JSON.parse(screen.getByText(label).nextElementSibling?.textContent ?? 'null')

describe('the concept pages’ live examples', () => {
  test('steps: a three-step signup runs to the end', async () => {
    const user = show(<FirstFlow />)
    await user.type(screen.getByLabelText('Name'), 'Ada')
    await user.click(continueButton())
    await user.type(await screen.findByLabelText('Email address'), 'ada@example.com')
    await user.click(continueButton())
    await heading('Check and subscribe')
    await user.click(screen.getByRole('button', { name: 'Subscribe' }))
    expect(await screen.findByText('Subscribed. Welcome aboard!')).toBeInTheDocument()
  })

  test('next: enterprise takes the choice to sales; team and invoice take the guarded choice to the invoice step', async () => {
    const user = show(<NextKinds />)
    await user.click(screen.getByLabelText('Team'))
    await user.click(continueButton())
    await user.click(await screen.findByLabelText('Invoice'))
    await user.click(continueButton())
    await heading('Invoice address')
    await user.click(screen.getByRole('button', { name: 'Back' }))
    await user.click(screen.getByRole('button', { name: 'Back' }))
    await user.click(await screen.findByLabelText('Enterprise'))
    await user.click(continueButton())
    await heading('Talk to sales')
  })

  test('skipping: digital goods skip shipping, and skipped lists it', async () => {
    const user = show(<Skipping />)
    await user.click(screen.getByLabelText('Digital goods only (e-books)'))
    await user.click(continueButton())
    await heading('Payment')
    expect(stateOf('history and skipped')).toEqual({ history: ['cart', 'payment'], skipped: ['shipping'] })
  })

  test('path-scoped state: leaving the post branch drops the address from the state but keeps its draft', async () => {
    const user = show(<PathState />)
    await user.click(screen.getByLabelText('By post'))
    await user.click(continueButton())
    await user.type(await screen.findByLabelText('Address'), '1 Infinite Loop')
    await user.click(continueButton())
    await heading('Review')
    expect(stateOf('state').address).toBe('1 Infinite Loop')
    await user.click(screen.getByRole('button', { name: 'Back' }))
    await user.click(await screen.findByRole('button', { name: 'Back' }))
    await user.click(await screen.findByLabelText('Pick up in store'))
    await user.click(continueButton())
    await heading('Review')
    expect(stateOf('state')).toEqual({ method: 'pickup', address: '' })
    expect(stateOf('drafts').address).toEqual({ address: '1 Infinite Loop' })
  })

  test('drafts: a typed message survives going on and coming back, with its count', async () => {
    const user = show(<Drafts />)
    await user.type(screen.getByLabelText('Message'), 'Lovely')
    expect(screen.getByText('6 characters')).toBeInTheDocument()
    await user.click(continueButton())
    await heading('Who are you?')
    await user.click(screen.getByRole('button', { name: 'Back' }))
    expect(await screen.findByLabelText('Message')).toHaveValue('Lovely')
    await user.click(screen.getByRole('button', { name: 'Clear' }))
    expect(screen.getByLabelText('Message')).toHaveValue('')
  })

  test('history: the address bar follows the steps, and its back button moves the flow back', async () => {
    const user = show(<History />)
    await user.click(continueButton())
    await heading('When?')
    expect(screen.getByText('?step=when')).toBeInTheDocument()
    await user.click(continueButton())
    await heading('Who is travelling?')
    await user.click(screen.getByRole('button', { name: '← Browser back' }))
    await heading('When?')
    expect(stateOf('history')).toEqual(['where', 'when'])
    await user.click(screen.getByRole('button', { name: 'Where to?' })) // a visited step in the stepper
    await heading('Where to?')
  })

  test('progress: "of at least 4" while the choice is open, an exact 5 once it is decided', async () => {
    const user = show(<ProgressExample />)
    await user.click(continueButton())
    await heading('Your home')
    expect(screen.getByRole('progressbar')).toHaveTextContent('Step 2 of at least 4')
    await user.click(screen.getByLabelText('Yes'))
    await user.click(continueButton())
    await heading('Building cover')
    expect(screen.getByRole('progressbar')).toHaveTextContent('Step 3 of 5')
  })

  test('async actions: a taken name fails and stays, another goes through after the busy state', async () => {
    const user = show(<AsyncActions />)
    await user.type(screen.getByLabelText('Username (try admin)'), 'admin')
    await user.click(continueButton())
    expect(await screen.findByRole('button', { name: 'Working…' })).toBeDisabled()
    expect(await screen.findByRole('alert', {}, { timeout: 3000 })).toHaveTextContent("'admin' is taken")
    expect(stateOf('status and error')).toEqual({ status: 'idle', error: 'ACTION_FAILED' })
    await user.clear(screen.getByLabelText('Username (try admin)'))
    await user.type(screen.getByLabelText('Username (try admin)'), 'ada')
    await user.click(continueButton())
    await screen.findByRole('heading', { name: 'Welcome' }, { timeout: 3000 })
  })

  test('validation: empty and under-age inputs show the schema’s messages; a valid one moves on', async () => {
    const user = show(<Validation />)
    await user.click(continueButton())
    expect((await screen.findAllByText('Enter an email address like ada@example.com')).length).toBeGreaterThan(0)
    await user.type(screen.getByLabelText('Email address'), 'ada@example.com')
    await user.type(screen.getByLabelText('Age'), '16')
    await user.click(continueButton())
    expect((await screen.findAllByText('You must be 18 or over')).length).toBeGreaterThan(0)
    await user.clear(screen.getByLabelText('Age'))
    await user.type(screen.getByLabelText('Age'), '42')
    await user.click(continueButton())
    await heading('Thank you')
  })

  test('snapshots: a copy resumed from the JSON opens on the same step with the same answers', async () => {
    const user = show(<Snapshots />)
    await user.type(screen.getByLabelText('Colour'), 'teal')
    await user.click(continueButton())
    await heading('Favourite animal')
    await user.click(screen.getByRole('button', { name: 'Resume a copy from this snapshot' }))
    const copy = screen.getByRole('region', { name: 'The resumed copy' })
    expect(within(copy).getByRole('heading', { name: 'Favourite animal' })).toBeInTheDocument()
    await user.click(within(copy).getByRole('button', { name: 'Back' }))
    expect(await within(copy).findByLabelText('Colour')).toHaveValue('teal')
  })
})
