/** `1990-12-09` → `9 December 1990`, read as a calendar date (no time zone shift). */
export const formatDate = (iso: string): string => {
  const [y, m, d] = iso.split('-').map(Number)
  return y && m && d ? new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d)) : iso
}
