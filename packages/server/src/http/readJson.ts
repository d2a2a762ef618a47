import { ServerError } from './ServerError'

/** Reads a JSON body of at most `limit` bytes without buffering more than that, whatever Content-Length claims. */
export const readJson = async (request: Request, limit: number): Promise<unknown> => {
  const type = request.headers.get('content-type')
  if (type !== null && !/^application\/([\w.+-]*\+)?json\b/i.test(type)) {
    throw new ServerError('UNSUPPORTED_MEDIA_TYPE', `the body must be JSON sent as 'content-type: application/json', not '${type}'.`)
  }
  const tooLarge = () =>
    new ServerError('BODY_TOO_LARGE', `the body is larger than ${limit} bytes (maxBodyBytes); save less, or raise maxBodyBytes.`)
  const declared = Number(request.headers.get('content-length'))
  if (Number.isFinite(declared) && declared > limit) throw tooLarge()
  if (!request.body) throw new ServerError('INVALID_JSON', 'the request has no body; send a JSON object.')
  const reader = request.body.getReader()
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
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new ServerError('INVALID_JSON', 'the body is not valid UTF-8 text; send JSON.')
  }
  try {
    return JSON.parse(text)
  } catch (cause) {
    throw new ServerError('INVALID_JSON', `the body is not valid JSON (${cause instanceof Error ? cause.message : String(cause)}).`, {
      cause,
    })
  }
}
