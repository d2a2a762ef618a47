import type { Browser, Page } from 'playwright-core'

/** A fresh context whose page records errors and warnings (hydration mismatches are console errors) and every step heading that was ever shown. */
export async function openPage(browser: Browser): Promise<{ page: Page; problems: string[]; headings: () => Promise<string[]> }> {
  const context = await browser.newContext()
  await context.addInitScript(() => {
    const seen: string[] = []
    ;(window as unknown as { __headings: string[] }).__headings = seen
    new MutationObserver(() => {
      for (const h of document.querySelectorAll('main h2')) if (seen.at(-1) !== h.textContent) seen.push(h.textContent ?? '')
    }).observe(document, { childList: true, subtree: true, characterData: true })
  })
  const page = await context.newPage()
  const problems: string[] = []
  page.on('pageerror', (error) => problems.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text())
  })
  const headings = () => page.evaluate(() => (window as unknown as { __headings: string[] }).__headings)
  return { page, problems, headings }
}
