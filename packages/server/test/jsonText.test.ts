import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { memberText } from '../src/http/jsonText'

describe('memberText: the text of one member of a JSON object, for the store to write as it came', () => {
  it('is the member as written, and parses to what JSON.parse gives for it', () => {
    const text = '{ "baseVersion": 3, "snapshot" : { "a": [1, {"b": "}\\",]"}], "c": null } , "z": "snapshot" }'
    expect(memberText(text, 'snapshot')).toBe('{ "a": [1, {"b": "}\\",]"}], "c": null }')
    expect(memberText('{"snapshot":12}', 'snapshot')).toBe('12')
    expect(memberText('{"snapshot":"x"}', 'snapshot')).toBe('"x"')
    expect(memberText('{"a":{"snapshot":1}}', 'snapshot')).toBeUndefined()
    expect(memberText('["snapshot", 1]', 'snapshot')).toBeUndefined()
  })

  it('gives nothing when the member is there twice, or a key is written with escapes (only JSON.parse knows which wins)', () => {
    expect(memberText('{"snapshot":1,"snapshot":2}', 'snapshot')).toBeUndefined()
    expect(memberText('{"snapshot":1,"snap\\u0073hot":2}', 'snapshot')).toBeUndefined()
    expect(memberText('{"snap\\u0073hot":2,"snapshot":1}', 'snapshot')).toBeUndefined()
  })

  it('whatever the JSON: when it gives a text, that text parses to the member', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.jsonValue(), fc.boolean(), (rest, value, pretty) => {
        const text = JSON.stringify({ ...rest, snapshot: value }, null, pretty ? 2 : undefined)
        const found = memberText(text, 'snapshot')
        const parsed = JSON.parse(text) as { snapshot: unknown }
        if (found !== undefined) expect(JSON.parse(found)).toEqual(parsed.snapshot)
        else expect(text).toContain('\\')
      }),
    )
  })
})
