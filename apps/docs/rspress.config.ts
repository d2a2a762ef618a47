import { join } from 'node:path'
import { defineConfig } from '@rspress/core'
import { rehypeHeaderAnchorsOutOfTabOrder } from './src/headerAnchors.ts'
import { sidebar } from './src/sidebar.ts'

/** Workspace packages are read from `src` through this export condition, as in the demo and the tests. */
const sourceCondition = '@flowkit/source'

export default defineConfig({
  root: join(import.meta.dirname, 'docs'),
  outDir: join(import.meta.dirname, 'doc_build'),
  title: 'Flowkit',
  description: 'Multi-step user flows for React on a tiny, headless, fully typed workflow engine.',
  lang: 'en',
  icon: '/favicon.svg',
  globalStyles: join(import.meta.dirname, 'src/styles.css'),
  route: { cleanUrls: true },
  themeDir: join(import.meta.dirname, 'src/theme'),
  // A broken internal link or anchor fails the build.
  markdown: { link: { checkDeadLinks: true, checkAnchors: true }, rehypePlugins: [rehypeHeaderAnchorsOutOfTabOrder] },
  search: { codeBlocks: true },
  themeConfig: {
    sidebar,
    nav: [
      { text: 'Getting started', link: '/getting-started/install' },
      { text: 'Concepts', link: '/concepts/steps' },
      { text: 'Guides', link: '/guides/validation' },
      { text: 'Migrating', link: '/migrating/react-use-wizard' },
      { text: 'Reference', link: '/reference/' },
    ],
  },
  builderConfig: {
    resolve: { conditionNames: [sourceCondition, '...'] },
    dev: { lazyCompilation: false },
    server: { host: '127.0.0.1', port: 5180 },
  },
})
