const TOKEN = /^[A-Za-z0-9_-]{43}$/

/** A new resume token: 256 bits from the platform's CSPRNG (`crypto.getRandomValues`), base64url, 43 characters. */
export const createToken = (): string => {
  const bytes = crypto.getRandomValues(new Uint8Array(32))
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** Whether a string has the shape of a resume token (checked before any lookup). */
export const isTokenShaped = (token: string): boolean => TOKEN.test(token)

/** SHA-256 of a text, hex. */
export const sha256 = async (text: string): Promise<string> => {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')
}

/** SHA-256 of the token, hex: what the store keeps, so a leaked database does not leak working resume links. */
export const hashToken = (token: string): Promise<string> => sha256(token)
