import { type MouseEvent, useEffect } from 'react'
import { hrefOf, type Route } from './useRoute'

const FEATURES = [
  { title: 'Branching and skipping', text: 'Invoices add company details; digital baskets skip shipping; single plans skip dependants.' },
  { title: 'Validation with zod', text: 'Standard Schema issues by field, shown as GOV.UK-style error summaries.' },
  { title: 'Async steps', text: 'Promo, address and payment services with real latency. Make them fail from the inspector.' },
  { title: 'Resume anywhere', text: 'Every keystroke is saved locally. Reload at any step; Start over clears it.' },
  { title: 'Back and forward', text: 'The browser buttons move through the flow, and the stepper jumps to visited steps.' },
  { title: 'See inside', text: 'The inspector shows live state, the path taken and the journey log.' },
]

/** The front page: pick a flow to try. */
export function Landing({ navigate }: { readonly navigate: (route: Route) => void }) {
  useEffect(() => {
    document.title = 'Flowkit demo'
  }, [])
  const go = (route: Route) => (event: MouseEvent) => {
    event.preventDefault()
    navigate(route)
  }
  return (
    <main className="app-main" id="main">
      <div className="container-wide">
        <section className="hero">
          <span className="eyebrow">Flowkit demo</span>
          <h1>Multi-step flows that survive real users</h1>
          <p>Two wizards built with Flowkit and React. Change your mind, reload, go back, break the network: nothing you type is lost.</p>
        </section>
        <div className="flow-cards">
          <article className="card flow-card">
            <span className="flow-icon" aria-hidden="true">
              <svg
                aria-hidden="true"
                viewBox="0 0 24 24"
                width="24"
                height="24"
                fill="none"
                stroke="currentColor"
                strokeWidth="2"
                strokeLinecap="round"
                strokeLinejoin="round"
              >
                <circle cx="9" cy="20" r="1.5" />
                <circle cx="18" cy="20" r="1.5" />
                <path d="M2 3h3l2.7 12.4a2 2 0 0 0 2 1.6h8.6a2 2 0 0 0 2-1.6L22 7H6" />
              </svg>
            </span>
            <h2>Checkout</h2>
            <ul>
              <li>Basket with an async promo code check</li>
              <li>Shipping skipped for digital-only baskets</li>
              <li>Card or invoice, which adds company details</li>
              <li>Check your answers, then payment authorization</li>
            </ul>
            <a className="btn btn-primary" href={hrefOf('checkout')} onClick={go('checkout')}>
              Try the checkout
            </a>
          </article>
          <article className="card flow-card">
            <span className="flow-icon" aria-hidden="true">
              <svg
                aria-hidden="true"
                viewBox="0 0 24 24"
                width="24"
                height="24"
                fill="none"
                stroke="currentColor"
                strokeWidth="2"
                strokeLinecap="round"
                strokeLinejoin="round"
              >
                <path d="M12 21s-7.5-4.6-9.3-9.5C1.5 8.1 3.6 4.5 7.2 4.5c2 0 3.6 1.1 4.8 2.8 1.2-1.7 2.8-2.8 4.8-2.8 3.6 0 5.7 3.6 4.5 7C19.5 16.4 12 21 12 21z" />
                <path d="M7 12h3l1.5-3 2 6 1.5-3h2" />
              </svg>
            </span>
            <h2>Health plan enrollment</h2>
            <ul>
              <li>Eligibility branches into student, employed or other</li>
              <li>Dependants only for couple and family plans</li>
              <li>Consents, check your answers, submit</li>
              <li>Change an early answer and watch the path change</li>
            </ul>
            <a className="btn btn-primary" href={hrefOf('enrollment')} onClick={go('enrollment')}>
              Try the enrollment
            </a>
          </article>
        </div>
        <section className="feature-grid" aria-label="What to try">
          {FEATURES.map((f) => (
            <div className="feature" key={f.title}>
              <h3>{f.title}</h3>
              <p>{f.text}</p>
            </div>
          ))}
        </section>
      </div>
    </main>
  )
}
