import { z } from 'zod'

/**
 * The longest value of each text field, in characters: the schemas refuse more (so a replayed or
 * hand-made submission cannot carry a 5,000-character name) and the inputs take it as `maxLength`
 * (so typing stops there). Both count the trimmed text: `TextField` pastes without the surrounding spaces
 * and never cuts a paste off (a value still too long is kept and the field says so). One table, so the two cannot drift.
 */
export const MAX_LENGTH = {
  personName: 100,
  addressLine: 100,
  city: 60,
  postcode: 10,
  promo: 20,
  /** 19 digits with spaces or dashes between groups of four. */
  cardNumber: 23,
  /** MM/YY, MMYY or "MM / YY". */
  expiry: 7,
  cvc: 4,
  companyName: 120,
  vatNumber: 14,
  /** The longest address SMTP carries (RFC 5321). */
  email: 254,
  purchaseOrder: 20,
  institution: 120,
  studentId: 12,
  year: 4,
  employer: 120,
  jobTitle: 100,
  details: 280,
  date: 10,
} as const

/**
 * A trimmed string of at most `max` characters; longer input stops there (`abort`), so no later check
 * (a regex, a service call) ever sees it.
 */
export const bounded = (max: number, message = `Keep this to ${max} characters or fewer`) =>
  // A value missing altogether (a card number never stored, sent back after a reload) says the same.
  z.string({ error: message }).trim().max(max, { error: message, abort: true })

/** A required trimmed string of at most `max` characters: "Enter the full name" / "Keep the full name to 100 characters or fewer". */
export const requiredText = (what: string, max: number) =>
  z
    .string({ error: `Enter ${what}` })
    .trim()
    .min(1, { error: `Enter ${what}`, abort: true })
    .max(max, { error: `Keep ${what} to ${max} characters or fewer`, abort: true })

/** An email address of at most 254 characters; the length is checked before the format. */
export const emailAddress = (message: string) =>
  bounded(MAX_LENGTH.email, `Enter an email address of ${MAX_LENGTH.email} characters or fewer`).pipe(z.email(message))
