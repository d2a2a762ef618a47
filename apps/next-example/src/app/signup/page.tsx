import { Wizard } from './Wizard'

export default function SignupPage() {
  return (
    <main>
      <p>Your email and a plan, and you are in.</p>
      <Wizard />
    </main>
  )
}
