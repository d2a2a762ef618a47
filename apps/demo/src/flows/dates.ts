import { MAX_LENGTH, requiredText } from './limits'

/** `YYYY-MM-DD` → whole years before `today`. */
export const ageOn = (birthDate: string, today: Date = new Date()): number => {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number]
  const age = today.getFullYear() - y
  return today.getMonth() + 1 < m || (today.getMonth() + 1 === m && today.getDate() < d) ? age - 1 : age
}

/** A required `YYYY-MM-DD` date in the past: "Enter `what`", "Enter `what` as a real date", "… must be in the past". */
export const pastDateSchema = (what: string) =>
  requiredText(what, MAX_LENGTH.date)
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `Enter ${what} as a real date`, abort: true })
    .refine(
      (s) => !Number.isNaN(Date.parse(s)) && Date.parse(s) <= Date.now(),
      `${what[0]?.toUpperCase()}${what.slice(1)} must be in the past`,
    )
