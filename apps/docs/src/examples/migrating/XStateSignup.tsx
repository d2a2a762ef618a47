import { useMachine } from '@xstate/react'
import { assign, setup } from 'xstate'

// XState 5: a state machine; each step is a state, moves are events, data is context.
type Answers = { email: string; plan: 'free' | 'pro'; company: string; error: string }

const signupMachine = setup({
  types: {
    context: {} as Answers,
    events: {} as { type: 'CONTINUE' } | { type: 'BACK' } | { type: 'EDIT'; patch: Partial<Answers> },
  },
  guards: {
    validEmail: ({ context }) => /^\S+@\S+\.\S+$/.test(context.email),
    isPro: ({ context }) => context.plan === 'pro',
  },
}).createMachine({
  id: 'signup',
  initial: 'email',
  context: { email: '', plan: 'free', company: '', error: '' },
  on: { EDIT: { actions: assign(({ context, event }) => ({ ...context, ...event.patch })) } },
  states: {
    email: {
      on: {
        CONTINUE: [
          { guard: 'validEmail', target: 'plan', actions: assign({ error: '' }) },
          { actions: assign({ error: 'Enter an email address like ada@example.com' }) },
        ],
      },
    },
    plan: { on: { CONTINUE: [{ guard: 'isPro', target: 'company' }, { target: 'done' }], BACK: 'email' } },
    company: { on: { CONTINUE: 'done', BACK: 'plan' } },
    // Back from the end must know which branch led here.
    done: { on: { CONTINUE: 'created', BACK: [{ guard: 'isPro', target: 'company' }, { target: 'plan' }] } },
    created: { type: 'final' },
  },
})

const titles = { email: 'Your email', plan: 'Choose a plan', company: 'Your company', done: 'Create your account' } as const

export function XStateSignup() {
  const [snapshot, send] = useMachine(signupMachine)
  const { context } = snapshot
  if (snapshot.matches('created')) return <p>Account created. Check your inbox.</p>
  const step = snapshot.value as keyof typeof titles
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        send({ type: 'CONTINUE' })
      }}
      noValidate
    >
      {step !== 'email' && (
        <button type="button" onClick={() => send({ type: 'BACK' })}>
          Back
        </button>
      )}
      <h2>{titles[step]}</h2>
      {step === 'email' && (
        <>
          <label htmlFor="xs-email">Email address</label> {context.error && <strong id="xs-email-error">{context.error}</strong>}{' '}
          <input
            id="xs-email"
            value={context.email}
            aria-describedby={context.error ? 'xs-email-error' : undefined}
            onChange={(e) => send({ type: 'EDIT', patch: { email: e.target.value } })}
          />
        </>
      )}
      {step === 'plan' &&
        (['free', 'pro'] as const).map((plan) => (
          <label key={plan}>
            <input type="radio" name="xs-plan" checked={context.plan === plan} onChange={() => send({ type: 'EDIT', patch: { plan } })} />{' '}
            {plan === 'free' ? 'Free' : 'Pro'}
          </label>
        ))}
      {step === 'company' && (
        <>
          <label htmlFor="xs-company">Company name</label>{' '}
          <input id="xs-company" value={context.company} onChange={(e) => send({ type: 'EDIT', patch: { company: e.target.value } })} />
        </>
      )}
      {step === 'done' && <p>We will send a confirmation link.</p>}
      <button type="submit">Continue</button>
    </form>
  )
}
