import { defineStepper } from '@stepperize/react'
import { useState } from 'react'
import { z } from 'zod'

// @stepperize/react: an ordered list of steps with optional schemas; branching is yours (goTo).
const signup = defineStepper([
  { id: 'email', title: 'Your email', schema: z.object({ email: z.email({ error: 'Enter an email address like ada@example.com' }) }) },
  { id: 'plan', title: 'Choose a plan' },
  { id: 'company', title: 'Your company' },
  { id: 'done', title: 'Create your account' },
])

export function StepperizeSignup() {
  const stepper = signup.useStepper()
  const [email, setEmail] = useState('')
  const [plan, setPlan] = useState<'free' | 'pro'>('free')
  const [company, setCompany] = useState('')
  const [error, setError] = useState('')
  const [finished, setFinished] = useState(false)
  if (finished) return <p>Account created. Check your inbox.</p>

  const continueFrom = async () => {
    if (stepper.id === 'email') {
      const result = await signup.validate('email', { email })
      if (!result.success) return setError(result.issues[0]?.message ?? 'Invalid')
      setError('')
      await stepper.next({ data: { email } })
    } else if (stepper.id === 'plan') await stepper.goTo(plan === 'pro' ? 'company' : 'done')
    else if (stepper.id === 'company') await stepper.next()
    else setFinished(true)
  }
  // The list is linear: from "done", prev() would show the company step to a free-plan user.
  const back = () => void (stepper.id === 'done' && plan === 'free' ? stepper.goTo('plan') : stepper.prev())

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        void continueFrom()
      }}
      noValidate
    >
      {!stepper.isFirst && (
        <button type="button" onClick={back}>
          Back
        </button>
      )}
      <h2>{stepper.current.title}</h2>
      {stepper.match({
        email: () => (
          <>
            <label htmlFor="sz-email">Email address</label> {error && <strong id="sz-email-error">{error}</strong>}{' '}
            <input
              id="sz-email"
              value={email}
              aria-describedby={error ? 'sz-email-error' : undefined}
              onChange={(e) => setEmail(e.target.value)}
            />
          </>
        ),
        plan: () => (
          <>
            {(['free', 'pro'] as const).map((p) => (
              <label key={p}>
                <input type="radio" name="sz-plan" checked={plan === p} onChange={() => setPlan(p)} /> {p === 'free' ? 'Free' : 'Pro'}
              </label>
            ))}
          </>
        ),
        company: () => (
          <>
            <label htmlFor="sz-company">Company name</label>{' '}
            <input id="sz-company" value={company} onChange={(e) => setCompany(e.target.value)} />
          </>
        ),
        done: () => <p>We will send a confirmation link.</p>,
      })}
      <button type="submit">Continue</button>
    </form>
  )
}
