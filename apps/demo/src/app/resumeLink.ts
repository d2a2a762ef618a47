/** The query parameter of "save and continue later" links. */
const PARAM = 'resume'

/** The resume token in the page's address, or `null`. Pure, so StrictMode's double state initializers agree. */
export const readResumeToken = (): string | null => new URL(window.location.href).searchParams.get(PARAM)

/** Takes the token out of the address bar once it is kept in this browser: it is a bearer secret. */
export const dropResumeToken = (): void => {
  const url = new URL(window.location.href)
  if (!url.searchParams.has(PARAM)) return
  url.searchParams.delete(PARAM)
  window.history.replaceState(window.history.state, '', url)
}

/** The "continue later" link for `token`: this page, with nothing but the token. */
export const resumeLinkFor = (token: string): string => {
  const link = new URL(window.location.href)
  link.search = ''
  link.hash = ''
  link.searchParams.set(PARAM, token)
  return link.href
}
