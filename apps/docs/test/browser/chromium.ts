// The repository's one Chromium launcher (Debian's, or CHROMIUM_PATH; never a download).
export { chromiumPath, launchChromium } from '../../../../test/chromium'
