import { existsSync } from 'node:fs'
import { type Browser, chromium } from 'playwright-core'

/**
 * Where Chromium is, for every browser suite of the repository (demo, React e2e, Next.js, docs, Storybook):
 * `CHROMIUM_PATH`, or Debian's `/usr/bin/chromium`. Fails saying what to install; nothing is ever downloaded.
 */
export const chromiumPath = (): string => {
  const explicit = process.env.CHROMIUM_PATH
  if (explicit) {
    if (existsSync(explicit)) return explicit
    throw new Error(
      `CHROMIUM_PATH is set to ${explicit}, which does not exist. Point it at a Chromium binary, or unset it to use /usr/bin/chromium.`,
    )
  }
  const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser']
  const found = candidates.find((path) => existsSync(path))
  if (!found) {
    throw new Error(
      `No Chromium found (looked at ${candidates.join(', ')}). The browser tests run in Debian's Chromium: ` +
        'install it with `sudo apt-get update && sudo apt-get install -y chromium`, or set CHROMIUM_PATH to a Chromium binary.',
    )
  }
  return found
}

/** The flags every browser suite launches Chromium with: headless, no sandbox or GPU, small /dev/shm, nothing fetched in the background. */
export const chromiumArgs: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** Debian's Chromium (or `CHROMIUM_PATH`), launched with `chromiumArgs` by playwright-core. */
export const launchChromium = (executablePath = chromiumPath()): Promise<Browser> =>
  chromium.launch({ executablePath, args: [...chromiumArgs] })
