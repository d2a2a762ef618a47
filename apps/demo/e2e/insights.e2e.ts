import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { dirname, join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import type { Page } from 'playwright-core'
import { formatCount, formatRate } from '../src/insights/format'
import type { FlowInsights } from '../src/insights/types'
import { axeViolations, type DemoMode, type Harness, openPage, screenshot, startHarness } from './harness'

const JOURNEYS = 10_000
const demoRoot = join(dirname(fileURLToPath(import.meta.url)), '..')

/** The journeys `npm run demo` seeds, by the same simulator (`scripts/simulate.ts`, from the sources like the server), into `db`. */
const seed = (db: string) =>
  promisify(execFile)(
    process.execPath,
    [
      '--conditions=@flowkit/source',
      '--import',
      'tsx',
      join(demoRoot, 'scripts', 'simulate.ts'),
      '--db',
      db,
      '--journeys',
      String(JOURNEYS),
    ],
    {
      cwd: demoRoot,
    },
  )
/** Chromium logs refused requests (the server stopped on purpose, a flow it does not serve) as console errors: expected here. */
const unexpected = (errors: string[]) => errors.filter((e) => !/Failed to load resource|status of (404|50\d)/.test(e))

/** Opens the page and waits for its answer; returns the route's own JSON for the request the page made. */
const settle = async (page: Page, harness: Harness, act: () => Promise<unknown>) => {
  // Generous: the dev server bundles the chart library on first use, and all-time aggregates over 10,000 journeys take seconds on a busy machine.
  const timeout = 120_000
  const [response] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname.startsWith('/api/flowkit/insights/'), { timeout }),
    act(),
  ])
  await page.waitForSelector('[data-testid="insights-page"]:not([data-state="loading"])', { timeout })
  const url = new URL(response.url())
  // The route's JSON as the page received it: abandonment is judged at the time of the request (30 min
  // untouched), so a second request may see a journey or two more abandoned.
  const body = (await response.json()) as FlowInsights & { error?: { code: string } }
  // The same request again, outside the page: the route says the same of everything that does not age.
  const again = (await (await fetch(`${harness.url}${url.pathname}${url.search}`)).json()) as typeof body
  assert.deepEqual(again.error ?? again.journeys.started, body.error ?? body.journeys.started)
  return { url, status: response.status(), body }
}

const text = async (page: Page, selector: string) => ((await page.locator(selector).first().textContent()) ?? '').trim()

/** Every number the page shows against the route's JSON: the summary, each funnel row, each drawn edge, the top path. */
const expectNumbersOf = async (page: Page, insights: FlowInsights) => {
  const { journeys } = insights
  assert.equal(await text(page, '[data-testid="kpi-started"]'), formatCount(journeys.started))
  assert.equal(await text(page, '[data-testid="kpi-completed"]'), formatCount(journeys.completed))
  assert.equal(await text(page, '[data-testid="kpi-abandoned"]'), formatCount(journeys.abandoned))
  assert.equal(await text(page, '[data-testid="kpi-in-progress"]'), formatCount(journeys.inProgress))
  assert.equal(await text(page, '[data-testid="kpi-resumed"]'), formatCount(journeys.resumed))
  assert.equal(await text(page, '[data-testid="kpi-completion-rate"]'), formatRate(journeys.completionRate))
  for (const step of insights.steps) {
    const row = `[data-testid="funnel-table"] tr[data-step="${step.step}"]`
    for (const col of ['reached', 'completed', 'abandoned', 'backs'] as const) {
      assert.equal(await text(page, `${row} [data-col="${col}"]`), formatCount(step[col]), `${step.step} ${col}`)
    }
  }
  const drawn = await page.$$eval('[data-testid="insights-diagram"] .flowkit-edge', (edges) =>
    edges.map((e) => ({
      id: e.getAttribute('data-edge') ?? '',
      count: Number(e.getAttribute('data-count')),
      width: Number(e.querySelector('polyline')?.getAttribute('stroke-width')),
    })),
  )
  assert.ok(drawn.length > 0, 'the diagram draws the flow')
  for (const edge of drawn) {
    const [from, to] = edge.id.split('#')[0]?.split('->') ?? []
    const expected = insights.edges.filter((e) => e.from === from && e.to === to).reduce((n, e) => n + e.count, 0)
    assert.equal(edge.count, expected, `edge ${edge.id}`)
  }
  // The busiest drawn edge is the widest.
  const busiest = drawn.reduce((a, b) => (b.count > a.count ? b : a))
  assert.equal(Math.max(...drawn.map((e) => e.width)), busiest.width)
  const top = [...insights.paths].sort((a, b) => b.count - a.count)[0]
  if (top) assert.equal(await text(page, '[data-testid="paths-table"] tbody tr td:nth-child(2)'), formatCount(top.count))
}

for (const mode of ['dev', 'build'] as const satisfies readonly DemoMode[]) {
  describe(`journey insights (${mode === 'dev' ? 'npm run demo: dev server, StrictMode' : 'the built demo'})`, () => {
    let harness: Harness
    before(async () => {
      harness = await startHarness({ mode })
      await seed(harness.sqliteFile)
    })
    after(async () => {
      await harness?.close()
    })

    it('shows the seeded journeys with the numbers the route answers', async () => {
      const { page, context, errors } = await openPage(harness)
      const answer = await settle(page, harness, () => page.goto(`${harness.url}/insights`))
      assert.equal(answer.status, 200)
      assert.equal(answer.url.pathname, '/api/flowkit/insights/enrollment')
      assert.equal(answer.body.journeys.started, JOURNEYS)
      assert.equal(await page.getAttribute('[data-testid="insights-page"]', 'data-state'), 'ready')
      await expectNumbersOf(page, answer.body)
      const diagram = page.getByRole('img', { name: /Diagram of the enrollment flow/ })
      const description = (await diagram.getAttribute('aria-describedby')) ?? ''
      const told = (await page.locator(`[id="${description}"]`).textContent()) ?? ''
      const busiest = answer.body.edges.reduce((a, b) => (b.count > a.count ? b : a))
      assert.match(told, /^Journeys along each transition: About you to .+, [\d,]+[;.]/)
      assert.ok(told.includes(`, ${formatCount(busiest.count)}`), `the description tells the busiest move, ${busiest.count}`)
      assert.deepEqual(unexpected(errors), [])
      await context.close()
    })

    it('follows the flow and time range pickers', async () => {
      const { page, context, errors } = await openPage(harness)
      await settle(page, harness, () => page.goto(`${harness.url}/insights`))
      const checkout = await settle(page, harness, () => page.getByLabel('Flow', { exact: true }).selectOption('checkout'))
      assert.equal(checkout.url.pathname, '/api/flowkit/insights/checkout')
      await page.getByRole('heading', { level: 1, name: 'How people move through the checkout' }).waitFor()
      assert.match(page.url(), /flow=checkout/)
      // The demo's server serves the checkout too, seeded with simulated journeys like the enrollment.
      assert.equal(checkout.status, 200)
      assert.ok(checkout.body.journeys.started > 0, 'the checkout has simulated journeys')
      await expectNumbersOf(page, checkout.body)
      await settle(page, harness, () => page.getByLabel('Flow', { exact: true }).selectOption('enrollment'))
      const lastDay = await settle(page, harness, () => page.getByLabel('Time range', { exact: true }).selectOption('24h'))
      const from = Number(lastDay.url.searchParams.get('from'))
      assert.ok(Math.abs(Date.now() - 86_400_000 - from) < 120_000, `from=${from} is a day ago`)
      assert.ok(lastDay.body.journeys.started < JOURNEYS, 'fewer journeys started in the last day than in two weeks')
      await expectNumbersOf(page, lastDay.body)
      assert.deepEqual(unexpected(errors), [])
      await context.close()
    })

    it('is accessible at 1280 and 390 px, light and dark, and fits a phone', async () => {
      for (const colorScheme of ['light', 'dark'] as const) {
        for (const width of [1280, 390]) {
          const { page, context, errors } = await openPage(harness, { colorScheme, width })
          await settle(page, harness, () => page.goto(`${harness.url}/insights`))
          await page.waitForSelector('.recharts-bar-rectangle')
          assert.deepEqual(await axeViolations(page), [], `${colorScheme} ${width}`)
          assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= width, `no sideways scroll at ${width} px`)
          await screenshot(page, `insights-${mode}-${colorScheme}-${width}`)
          assert.deepEqual(unexpected(errors), [])
          await context.close()
        }
      }
    })

    it('loads the chart library with the insights page only, never with a wizard', async () => {
      const { page, context } = await openPage(harness)
      const scripts: string[] = []
      page.on('request', (r) => {
        if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname)
      })
      await page.goto(`${harness.url}/enrollment`)
      await page.getByRole('heading', { level: 1, name: 'About you' }).waitFor()
      await page.waitForLoadState('networkidle')
      const charts = (paths: string[]) => paths.filter((p) => /recharts|InsightsPage/.test(p))
      assert.deepEqual(charts(scripts), [])
      await page.getByRole('link', { name: 'Insights' }).click()
      await page.waitForSelector('[data-testid="insights-page"][data-state="ready"]', { timeout: 120_000 })
      assert.ok(charts(scripts).length > 0, 'the insights page brought its charts')
      await context.close()
    })

    it('says the server is down and how to start it, then recovers', async () => {
      const { page, context, errors } = await openPage(harness)
      await harness.flowkit.stop()
      try {
        await page.goto(`${harness.url}/insights`)
        const problem = page.getByTestId('insights-problem')
        await problem.waitFor()
        assert.equal(await problem.getAttribute('data-kind'), 'server-down')
        assert.match((await problem.textContent()) ?? '', /not answering.*npm run demo/)
        assert.deepEqual(await axeViolations(page), [])
        await screenshot(page, `insights-${mode}-server-down`)
      } finally {
        await harness.flowkit.start()
      }
      await page.getByRole('button', { name: 'Try again' }).click()
      await page.waitForSelector('[data-testid="insights-page"][data-state="ready"]', { timeout: 120_000 })
      assert.equal(await text(page, '[data-testid="kpi-started"]'), formatCount(JOURNEYS))
      assert.deepEqual(unexpected(errors), [])
      await context.close()
    })
  })
}
