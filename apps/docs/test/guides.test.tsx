import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { StrictMode } from 'react'
import { describe, expect, test } from 'vitest'
import { CheckAnswers } from '../src/examples/guides/CheckAnswers.tsx'
import { DiagramExample } from '../src/examples/guides/Diagram.tsx'
import { ReactHookFormExample } from '../src/examples/guides/ReactHookFormStep.tsx'
import { TanStackFormExample } from '../src/examples/guides/TanStackFormStep.tsx'
import { ProfileWith } from '../src/examples/guides/ValidationLibraries.tsx'

const show = (element: React.ReactElement) => {
  render(<StrictMode>{element}</StrictMode>)
  return userEvent.setup()
}

describe('the guides’ live examples', () => {
  test.each([
    ['zod', 'At least 2 characters'],
    ['valibot', 'At least 2 characters'],
    ['arktype', 'Between 2 and 20 characters'],
  ] as const)('validation with %s: the library’s messages show, and a valid profile is saved', async (library, nicknameMessage) => {
    const user = show(<ProfileWith library={library} />)
    await user.type(screen.getByLabelText('Email address'), 'ada')
    await user.type(screen.getByLabelText('Nickname'), 'a')
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    expect((await screen.findAllByText('Enter an email address')).length).toBeGreaterThan(0)
    expect(screen.getAllByText(nicknameMessage).length).toBeGreaterThan(0)
    await user.type(screen.getByLabelText('Email address'), '@example.com')
    await user.type(screen.getByLabelText('Nickname'), 'da')
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    expect(await screen.findByRole('heading', { name: 'Saved' })).toBeInTheDocument()
  })

  test('react-hook-form: the step’s schema is the resolver, the step moves on, and Back shows what was typed', async () => {
    const user = show(<ReactHookFormExample />)
    await user.type(screen.getByLabelText('Postcode'), '123')
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    expect(await screen.findByText('Enter your name')).toBeInTheDocument()
    expect(screen.getByText('Enter a 5-digit postcode')).toBeInTheDocument()
    await user.type(screen.getByLabelText('Name'), 'Ada')
    await user.type(screen.getByLabelText('Postcode'), '45')
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    await screen.findByRole('heading', { name: 'Ready to ship' })
    await user.click(screen.getByRole('button', { name: 'Back' }))
    expect(await screen.findByLabelText('Postcode')).toHaveValue('12345')
    expect(screen.getByLabelText('Name')).toHaveValue('Ada')
  })

  test('TanStack Form: the schema validates on submit, the step moves on, and Back shows what was typed', async () => {
    const user = show(<TanStackFormExample />)
    await user.type(screen.getByLabelText('Username'), 'ad')
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    expect(await screen.findByText('At least 3 characters')).toBeInTheDocument()
    await user.type(screen.getByLabelText('Username'), 'a')
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    await screen.findByRole('heading', { name: 'All set' })
    await user.click(screen.getByRole('button', { name: 'Back' }))
    expect(await screen.findByLabelText('Username')).toHaveValue('ada')
  })

  test('diagrams: the SVG draws the flow and follows the run', async () => {
    const user = show(<DiagramExample />)
    const diagram = screen.getByRole('img', { name: /order/ })
    expect(diagram.textContent).toContain('Shipping address')
    const before = diagram.innerHTML
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    await screen.findByRole('heading', { name: 'Shipping address' })
    expect(screen.getByRole('img', { name: /order/ }).innerHTML).not.toBe(before)
  })

  test('check your answers: Change goes to the question, and saving it returns to the answers', async () => {
    const user = show(<CheckAnswers />)
    await user.type(screen.getByLabelText('Full name'), 'Ada')
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    await user.type(await screen.findByLabelText('Email address'), 'ada@example.com')
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    await screen.findByRole('heading', { name: 'Check your answers' })
    await user.click(screen.getByRole('button', { name: 'Change name' }))
    const name = await screen.findByLabelText('Full name')
    await user.clear(name)
    await user.type(name, 'Ada Lovelace')
    // Straight back to the answers: the email is still as it was.
    await user.click(screen.getByRole('button', { name: 'Save and return to your answers' }))
    await screen.findByRole('heading', { name: 'Check your answers' })
    expect(screen.getByText('ada@example.com')).toBeInTheDocument()
    expect(screen.getByText('Ada Lovelace')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Accept and send' }))
    expect(await screen.findByText('Application sent.')).toBeInTheDocument()
  })
})
