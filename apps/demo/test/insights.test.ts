import { describe, expect, it } from 'vitest'
import { checkout } from '../src/flows/checkout'
import fixture from '../src/insights/checkoutInsights.fixture.json'
import { readInsightsResponse } from '../src/insights/fetchInsights'
import { formatCount, formatDuration, formatRate, formatShare } from '../src/insights/format'
import { funnelRows } from '../src/insights/funnelRows'
import { fieldLabel, flowOf, inFlowOrder, stepTitle } from '../src/insights/insightsFlows'
import { bucketBars } from '../src/insights/timeBuckets'
import { insightsQuery } from '../src/insights/timeRange'
import type { FlowInsights } from '../src/insights/types'

const insights = fixture as FlowInsights
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

describe('insights page: reading the route', () => {
  it('takes the insights of a 200', async () => {
    expect(await readInsightsResponse(json(insights))).toEqual({ ok: true, insights })
  })

  it("shows the server's own refusal with its code", async () => {
    const answer = await readInsightsResponse(json({ error: { code: 'FORBIDDEN', message: 'you may not see the insights.' } }, 403))
    expect(answer).toEqual({
      ok: false,
      problem: { kind: 'refused', status: 403, code: 'FORBIDDEN', message: 'you may not see the insights.' },
    })
  })

  it('says to run npm run demo when the proxy has nothing behind it', async () => {
    const answer = await readInsightsResponse(new Response('', { status: 502 }))
    expect(answer.ok).toBe(false)
    if (answer.ok) return
    expect(answer.problem.kind).toBe('server-down')
    expect(answer.problem.message).toContain('`npm run demo`')
  })

  it('refuses a 200 that is not insights (an older server, a page)', async () => {
    const answer = await readInsightsResponse(new Response('<!doctype html>', { status: 200 }))
    expect(answer.ok ? 'ok' : answer.problem.kind).toBe('bad-answer')
  })
})

describe('insights page: what it draws', () => {
  it('splits each funnel bar into completed, abandoned and the rest, adding up to reached', () => {
    const rows = funnelRows(insights.steps, (s) => stepTitle('checkout', s))
    expect(rows.map((r) => r.completed + r.abandoned + r.other)).toEqual(insights.steps.map((s) => s.reached))
    expect(rows[0]).toMatchObject({ step: 'cart', label: 'Basket', other: 6000 - 5400 - 480 })
  })

  it('labels time buckets by their bounds, the last one open, and marks where the median and p90 fall', () => {
    const payment = insights.steps.find((s) => s.step === 'payment')
    if (!payment) throw new Error('the fixture has a payment step')
    const bars = bucketBars(payment)
    expect(bars.map((b) => b.label)).toEqual([
      '≤ 5 s',
      '≤ 15 s',
      '≤ 30 s',
      '≤ 1 min',
      '≤ 2 min',
      '≤ 5 min',
      '≤ 10 min',
      '≤ 30 min',
      '> 30 min',
    ])
    // median 62 s is in (1 min, 2 min]; p90 190 s in (2 min, 5 min]
    expect(bars.map((b) => b.marks)).toEqual([[], [], [], [], ['median'], ['p90'], [], [], []])
    expect(bars.map((b) => b.count)).toEqual(payment.timeBuckets.map((b) => b.count))
  })

  it("names each step as core's qualifiedStepTitle does, so no two steps of a flow read the same", () => {
    expect(stepTitle('checkout', 'shipping.name')).toBe('Shipping address: Name')
    expect(stepTitle('checkout', 'billing.name')).toBe('Billing address: Name')
    expect(stepTitle('enrollment', 'dependants.1.birthDate')).toBe('Dependants 2: Date of birth')
    expect(stepTitle('checkout', 'retired')).toBe('retired')
    for (const flow of ['checkout', 'enrollment'] as const) {
      const titles = Object.keys(flowOf(flow).definition.steps).map((step) => stepTitle(flow, step))
      expect(new Set(titles).size, flow).toBe(titles.length)
    }
  })

  it("orders steps as the flow does, not by the server's most-reached-first", () => {
    const order = Object.keys(checkout.steps)
    const step = insights.steps[0] as FlowInsights['steps'][number]
    const mostReachedFirst = [...order].reverse().map((id, i) => ({ ...step, step: id, reached: 100 + i }))
    const shown = inFlowOrder('checkout', [{ ...step, step: 'retired', reached: 1000 }, ...mostReachedFirst])
    expect(shown.map((s) => s.step)).toEqual([...order, 'retired'])
  })

  it('writes counts, shares, rates, durations and fields the same everywhere', () => {
    expect(formatCount(10000)).toBe('10,000')
    expect(formatShare(1, 3)).toBe('33.3%')
    expect(formatShare(1, 0)).toBe('–')
    expect(formatRate(0.585)).toBe('58.5%')
    expect([850, 4200, 12_300, 125_000, 3_780_000, null].map(formatDuration)).toEqual([
      '850 ms',
      '4.2 s',
      '12 s',
      '2 min 5 s',
      '1 h 3 min',
      '–',
    ])
    expect(fieldLabel('')).toBe('(the whole step)')
    expect(fieldLabel('card.number')).toBe('card.number')
  })

  it('asks for a range from its start rounded down to the minute, and for all time with no from', () => {
    const now = Date.UTC(2026, 11, 1, 12, 34, 56, 789)
    expect(insightsQuery('all', now).toString()).toBe('')
    expect(insightsQuery('24h', now).get('from')).toBe(String(Date.UTC(2026, 10, 30, 12, 34)))
    expect(insightsQuery('7d', now).get('from')).toBe(String(Date.UTC(2026, 10, 24, 12, 34)))
  })
})
