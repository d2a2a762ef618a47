import { createWorkflow, defineWorkflow, isWorkflowError, journeyLog } from '@flowkit/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { escapeMermaid, toMermaid } from '../src/diagram/index'
import { loadWorkflow } from '../src/index'
import { example } from './fixtures/files'
import { registry } from './fixtures/registry'

const checkout = loadWorkflow(example('checkout'), registry)

/** Every line of our output is one of these statement shapes, with labels made of safe characters and entities. */
const LABEL = '(?:[A-Za-z0-9 ,.]|#\\d+;)*'
const STATEMENT = new RegExp(
  [
    '^flowchart (TD|LR)$',
    '^  start\\(\\(" "\\)\\) --> s\\d+$',
    `^  s\\d+\\["${LABEL}"\\]$`,
    `^  s\\d+\\(\\["${LABEL}"\\]\\)$`,
    `^  s\\d+ -->(\\|${LABEL}\\|)? s\\d+$`,
    '^  classDef (visited|current|skipped|unvisited|skippable) [a-z:#0-9, -]+$',
    '^  class s\\d+(,s\\d+)* (visited|current|skipped|unvisited|skippable)$',
    '^  linkStyle (default|\\d+(,\\d+)*) [a-z:#0-9,-]+$',
  ].join('|'),
)
const wellFormed = (mermaid: string) =>
  mermaid
    .trimEnd()
    .split('\n')
    .every((line) => STATEMENT.test(line))

const withTitle = (title: string) =>
  defineWorkflow({
    id: 'hostile',
    initial: 'a',
    state: {},
    steps: {
      a: { title, next: [{ to: 'b', when: () => true, label: title }, { to: 'b' }] },
      b: { title, final: true },
    },
  })

describe('toMermaid', () => {
  it('draws the flow with titles, guard labels, final steps and skippable steps', () => {
    expect(toMermaid(checkout)).toBe(`flowchart TD
  start((" ")) --> s0
  s0["Cart"]
  s1["Shipping address"]
  s2["Delivery"]
  s3["Payment"]
  s4["Company details"]
  s5["Review"]
  s6(["Confirmation"])
  s0 --> s1
  s1 --> s2
  s2 --> s3
  s3 -->|card| s5
  s3 -->|invoice| s4
  s4 --> s5
  s5 --> s6
  classDef skippable stroke-dasharray:4 3
  class s1 skippable
`)
  })

  it('highlights the path taken, the skipped steps and the current step of a run', async () => {
    const flow = createWorkflow(checkout, { log: journeyLog() })
    await flow.next({ items: 1, digitalOnly: true })
    await flow.next({ delivery: 'download' })
    const mermaid = toMermaid(checkout, { trace: flow.getSnapshot().log, direction: 'LR' })
    expect(mermaid).toContain('flowchart LR')
    expect(mermaid).toContain('class s0,s2 visited')
    expect(mermaid).toContain('class s1 skipped')
    expect(mermaid).toContain('class s3 current')
    expect(mermaid).toContain('class s4,s5,s6 unvisited')
    expect(mermaid).toContain('linkStyle 0,1,2,3 stroke:#2563eb,stroke-width:3px')
    expect(wellFormed(mermaid)).toBe(true)
  })

  it('escapes hostile titles and labels so they cannot break or inject markup', () => {
    const hostile = [
      'Pay"] --> X["pwned',
      '<img src=x onerror=alert(1)>',
      'a|b|c',
      'line\nbreak\r\n%% comment',
      'click s0 call alert()',
      '`**md**`',
      '#quot; &amp; #35;',
      'end',
      '\u2028\u0000',
      'é≥😀',
    ]
    for (const title of hostile) {
      const mermaid = toMermaid(withTitle(title))
      expect(wellFormed(mermaid), mermaid).toBe(true)
      expect(mermaid).not.toMatch(/<|onerror=|"pwned|%%|\n\s*click/)
    }
    expect(escapeMermaid('<b>"x"</b>')).toBe('#60;b#62;#34;x#34;#60;#47;b#62;')
    expect(escapeMermaid('a\nb')).toBe('a b')
    expect(escapeMermaid('x'.repeat(500))).toHaveLength(119 + '#8230;'.length)
  })

  it('stays well formed for any title (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (title) => {
        expect(wellFormed(toMermaid(withTitle(title)))).toBe(true)
      }),
      { numRuns: 1000 },
    )
  })
})

describe('toMermaid options', () => {
  const refusal = (options: unknown) => {
    try {
      toMermaid(checkout, options as never)
    } catch (error) {
      expect(isWorkflowError(error) && error.code).toBe('INVALID_OPTION')
      return (error as Error).message
    }
    return expect.unreachable(`toMermaid accepted ${JSON.stringify(options)}`)
  }

  it('refuses a direction that is not TD or LR, naming it, so no click handler can be injected', () => {
    const injected = 'TD\n  click s0 call alert(document.domain)'
    expect(refusal({ direction: injected })).toMatch(/direction must be 'TD' \(top-down\) or 'LR' \(left-right\), not 'TD\n {2}click s0/)
    expect(refusal({ direction: 'td' })).toContain("not 'td'")
    expect(refusal({ direction: 3 })).toContain('not 3')
  })

  it('draws left to right with LR', () => {
    expect(toMermaid(checkout, { direction: 'LR' }).split('\n')[0]).toBe('flowchart LR')
  })

  it('refuses an unknown option with a did-you-mean, and a trace that is not a journey log', () => {
    expect(refusal({ directon: 'LR' })).toMatch(
      /unknown option 'directon'; the options are direction and trace\. Did you mean 'direction'\?/,
    )
    expect(refusal({ trace: 'log.json' })).toContain("trace must be a journey log (snapshot.log, an array), not 'log.json'.")
    expect(refusal({ trace: [{ type: 'entered', step: 'cart', at: 0 }, null] })).toContain('trace[1] is not a journey log entry')
    expect(refusal('LR')).toContain("options must be an object such as { direction: 'LR' }, not 'LR'.")
  })

  it("refuses a trace entry core's replay would not keep (isLogEntry): an unknown type, no time", () => {
    expect(refusal({ trace: [{ type: 'teleported', step: 'cart', at: 0 }] })).toContain('trace[0] is not a journey log entry')
    expect(
      refusal({
        trace: [
          { type: 'entered', step: 'cart', at: 0 },
          { type: 'entered', step: 'cart' },
        ],
      }),
    ).toContain('trace[1] is not a journey log entry')
  })

  it('names the refused option and what is wrong with it in details, for tools that say it in their words', () => {
    const details = (options: unknown) => {
      try {
        toMermaid(checkout, options as never)
      } catch (error) {
        return isWorkflowError(error) ? error.details : undefined
      }
    }
    expect(details({ direction: 'RL' })).toEqual({ option: 'direction', reason: "must be 'TD' (top-down) or 'LR' (left-right), not 'RL'." })
    expect(details({ trace: [null] })).toEqual({
      option: 'trace',
      reason: 'entry 0 is not a journey log entry ({ type, step, at }); pass snapshot.log as it is.',
    })
  })
})
