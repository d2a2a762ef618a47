// Smoke test of the static Storybook (`storybook build -o storybook-static`): serves it on 127.0.0.1,
// opens one story and its autodocs page in Debian's Chromium, and checks they render and work with
// no page errors. Exits non-zero on any failure. Usage: node --import tsx .storybook/smoke-static.ts
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { preview } from 'vite'
import { launchChromium } from '../test/chromium'

const root = fileURLToPath(new URL('..', import.meta.url))
const outDir = `${root}storybook-static`
if (!existsSync(`${outDir}/iframe.html`)) {
  throw new Error(`${outDir} has no iframe.html; build it first: npx storybook build -c .storybook -o storybook-static`)
}

const server = await preview({
  configFile: false,
  root,
  build: { outDir: 'storybook-static' },
  preview: { host: '127.0.0.1', port: 0, strictPort: false },
})
const base = server.resolvedUrls?.local[0]
if (!base) throw new Error('vite preview did not report a URL')
const browser = await launchChromium()
const failures: string[] = []
const check = (ok: boolean, what: string) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`)
  if (!ok) failures.push(what)
}
try {
  const page = await browser.newPage()
  page.on('pageerror', (error) => failures.push(`page error: ${error.message}`))

  // The checkout's last step, opened there with a seeded basket, address, delivery and card.
  await page.goto(`${base}iframe.html?id=demo-checkout-check-your-answers--by-card&viewMode=story`)
  const heading = page.getByRole('heading', { level: 1, name: 'Check your answers before placing your order' })
  await heading.waitFor({ timeout: 15_000 })
  check(await heading.isVisible(), 'the check-answers story renders its step')
  const steps = (await page.getByRole('list', { name: 'Steps' }).textContent()) ?? ''
  check(steps.includes('Shipping address') && steps.includes('Payment'), 'its stepper shows the seeded path')
  check((await page.getByTestId('total').textContent()) === '€59.00', 'it totals the seeded basket')
  // A real click: the order is authorized by the demo's payment service and the confirmation shows.
  await page.getByRole('button', { name: 'Place order' }).click()
  await page.getByTestId('reference').waitFor({ timeout: 15_000 })
  check(/^FK-/.test((await page.getByTestId('reference').textContent()) ?? ''), 'placing the order shows its reference')

  // An autodocs page, built from the components' TSDoc.
  await page.goto(`${base}iframe.html?id=components-workflowstepper--docs&viewMode=docs`)
  await page.getByText('An ordered list of the path').first().waitFor({ timeout: 15_000 })
  check(true, "the WorkflowStepper docs page shows the component's TSDoc")
  await page.getByText('Accessible name of the list').first().waitFor({ timeout: 15_000 })
  check(true, 'and its props table, from the props’ TSDoc')

  // The manager UI loads and lists the stories.
  await page.goto(`${base}index.html`)
  await page.getByText('WorkflowStepper').first().waitFor({ timeout: 15_000 })
  await page.getByText('Enrollment').first().waitFor({ timeout: 15_000 })
  check(true, 'the Storybook UI lists the stories')
} finally {
  await browser.close()
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()))
}
if (failures.length > 0) {
  console.error(`\n${failures.length} smoke check(s) failed:\n- ${failures.join('\n- ')}`)
  process.exit(1)
}
console.log('\nstatic Storybook smoke test passed')
