import { useState } from 'react'
import { useWizard, Wizard } from 'react-use-wizard'

// react-use-wizard: steps are the children, in order; the data, validation and branching are yours.
type Answers = { email: string; plan: 'free' | 'pro'; company: string }

function Email({ answers, setAnswers }: StepProps) {
  const { nextStep, handleStep } = useWizard()
  const [error, setError] = useState('')
  handleStep(() => {
    if (!/^\S+@\S+\.\S+$/.test(answers.email)) {
      setError('Enter an email address like ada@example.com')
      throw new Error('invalid email') // keeps the wizard on this step
    }
  })
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        nextStep().catch(() => {})
      }}
      noValidate
    >
      <h2>Your email</h2>
      <label htmlFor="ruw-email">Email address</label> {error && <strong id="ruw-email-error">{error}</strong>}{' '}
      <input
        id="ruw-email"
        value={answers.email}
        aria-describedby={error ? 'ruw-email-error' : undefined}
        onChange={(e) => setAnswers({ ...answers, email: e.target.value })}
      />
      <button type="submit">Continue</button>
    </form>
  )
}

function Plan({ answers, setAnswers }: StepProps) {
  const { goToStep, previousStep } = useWizard()
  // Branching by index: the company step is index 2, the last step index 3.
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        goToStep(answers.plan === 'pro' ? 2 : 3)
      }}
    >
      <button type="button" onClick={previousStep}>
        Back
      </button>
      <h2>Choose a plan</h2>
      {(['free', 'pro'] as const).map((plan) => (
        <label key={plan}>
          <input type="radio" name="ruw-plan" checked={answers.plan === plan} onChange={() => setAnswers({ ...answers, plan })} />{' '}
          {plan === 'free' ? 'Free' : 'Pro'}
        </label>
      ))}
      <button type="submit">Continue</button>
    </form>
  )
}

function Company({ answers, setAnswers }: StepProps) {
  const { nextStep, previousStep } = useWizard()
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        void nextStep()
      }}
    >
      <button type="button" onClick={previousStep}>
        Back
      </button>
      <h2>Your company</h2>
      <label htmlFor="ruw-company">Company name</label>{' '}
      <input id="ruw-company" value={answers.company} onChange={(e) => setAnswers({ ...answers, company: e.target.value })} />
      <button type="submit">Continue</button>
    </form>
  )
}

function Done({ answers, onDone }: StepProps & { onDone(): void }) {
  const { goToStep } = useWizard()
  // previousStep() would land on the company step even for the free plan: go back by hand.
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        onDone()
      }}
    >
      <button type="button" onClick={() => goToStep(answers.plan === 'pro' ? 2 : 1)}>
        Back
      </button>
      <h2>Create your account</h2>
      <p>We will send a confirmation link.</p>
      <button type="submit">Continue</button>
    </form>
  )
}

type StepProps = { answers: Answers; setAnswers(answers: Answers): void }

export function ReactUseWizardSignup() {
  const [answers, setAnswers] = useState<Answers>({ email: '', plan: 'free', company: '' })
  const [done, setDone] = useState(false)
  if (done) return <p>Account created. Check your inbox.</p>
  const props = { answers, setAnswers }
  return (
    <Wizard>
      <Email {...props} />
      <Plan {...props} />
      <Company {...props} />
      <Done {...props} onDone={() => setDone(true)} />
    </Wizard>
  )
}
