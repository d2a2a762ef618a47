import { createHash, randomBytes } from 'node:crypto'

const TOKEN = /^[A-Za-z0-9_-]{43}$/

/** A new resume token: 256 bits from the platform's CSPRNG (`crypto.randomBytes`), base64url, 43 characters. */
export const createToken = (): string => randomBytes(32).toString('base64url')

/** Whether a string has the shape of a resume token (checked before any lookup). */
export const isTokenShaped = (token: string): boolean => TOKEN.test(token)

/**
 * SHA-256 of a text, hex. Synchronous `node:crypto` (Node, Deno, Bun and Workers with Node compatibility have it):
 * WebCrypto's `subtle.digest` goes through a thread pool and cost a save a fifth of its time.
 */
export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex')

/** SHA-256 of the token, hex: what the store keeps, so a leaked database does not leak working resume links. */
export const hashToken = (token: string): string => sha256(token)
