import { isWorkflowError } from '@flowkit/core'
import { refusal } from './errors'
import { jsonDepth } from './jsonDepth'
import { keepJsonText } from './jsonText'

/** The deepest nesting of objects and arrays a body may have; a snapshot needs far less. */
export const MAX_DEPTH = 64

const JSON_TYPE = /^application\/([\w.+-]*\+)?json\s*(;|$)/i
const decoder = new TextDecoder('utf-8', { fatal: true })
/** `\u0000` after an even number of backslashes (an odd number would make it text: `\\u0000`). */
const NUL = /(^|[^\\])(\\\\)*\\u0000/

/** Reads the bytes of a body, at most `limit` of them, whatever Content-Length claims. */
const readBytes = async (body: ReadableStream<Uint8Array>, limit: number, tooLarge: () => Error): Promise<Uint8Array> => {
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel().catch(() => {})
      throw tooLarge()
    }
    chunks.push(value)
  }
  if (chunks.length === 1) return chunks[0] as Uint8Array
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return bytes
}

/**
 * Reads a JSON body sent as `application/json`: a missing or other Content-Type is refused (415), so a cross-site
 * form post or `fetch` with a Blob (CORS requests without preflight) cannot reach the handler. Bodies over `limit`
 * bytes (413), not UTF-8, not JSON or nested deeper than `MAX_DEPTH` (400) are refused before anything else runs.
 */
export const readJson = async (request: Request, limit: number): Promise<unknown> => {
  const type = request.headers.get('content-type')
  if (type === null || !JSON_TYPE.test(type)) {
    throw refusal(
      'UNSUPPORTED_MEDIA_TYPE',
      type === null
        ? "the request has no content-type; send the JSON body with 'content-type: application/json'."
        : `the body must be JSON sent as 'content-type: application/json', not '${type.slice(0, 100)}'.`,
    )
  }
  const tooLarge = () =>
    refusal('BODY_TOO_LARGE', `the body is larger than ${limit} bytes (maxBodyBytes); save less, or raise maxBodyBytes.`)
  const declared = Number(request.headers.get('content-length'))
  if (Number.isFinite(declared) && declared > limit) throw tooLarge()
  let text: string
  try {
    // With a Content-Length, HTTP framing bounds the body: read it at once (@hono/node-server's fast path, no
    // stream; touching `request.body` first would build one).
    const bytes = request.headers.has('content-length')
      ? new Uint8Array(await request.arrayBuffer())
      : request.body
        ? await readBytes(request.body, limit, tooLarge)
        : new Uint8Array()
    if (bytes.byteLength > limit) throw tooLarge()
    if (bytes.byteLength === 0) throw refusal('INVALID_JSON', 'the request has no body; send a JSON object.')
    text = decoder.decode(bytes)
  } catch (cause) {
    if (isWorkflowError(cause)) throw cause
    throw refusal('INVALID_JSON', 'the body is not valid UTF-8 text; send JSON.')
  }
  if (jsonDepth(text) > MAX_DEPTH) {
    throw refusal('INVALID_JSON', `the body nests objects and arrays deeper than ${MAX_DEPTH} levels; send flatter JSON.`)
  }
  // The NUL character, escaped (a raw one is not JSON): PostgreSQL cannot store it in JSON, so it is refused here as
  // bad input rather than failing the write (a 503 the client would retry forever).
  if (text.includes('\\u0000') && NUL.test(text)) {
    throw refusal('INVALID_JSON', 'the body contains the NUL character (\\u0000) in a string; remove it and send the JSON again.')
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (cause) {
    throw refusal('INVALID_JSON', `the body is not valid JSON (${cause instanceof Error ? cause.message : String(cause)}).`, { cause })
  }
  keepJsonText(value, text)
  return value
}
