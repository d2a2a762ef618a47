import Link from 'next/link'
import { CheckoutWizard } from '../components/CheckoutWizard'
import { checkout } from '../flows/checkout'

/** A Server Component: it reads the flow's definition on the server and holds the client wizard. */
export default function CheckoutPage() {
  const titles = Object.values(checkout.steps).map((step) => step.title)
  return (
    <main>
      <h1>Checkout</h1>
      <p>You will be asked for: {titles.join(', ')}.</p>
      <CheckoutWizard />
      <p>
        Wrong address for the receipt? <Link href="?step=email">Change your email</Link>
      </p>
    </main>
  )
}
