import { join } from 'node:path'
import { entryPoints } from './reference/entryPoints.ts'

const repoRoot = join(import.meta.dirname, '../../..')

/** One sidebar for the whole site, in reading order. The API pages follow the packages' `exports`. */
export const sidebar = {
  '/': [
    { text: 'Introduction', link: '/' },
    {
      text: 'Getting started',
      items: [
        { text: 'Install', link: '/getting-started/install' },
        { text: 'A first flow with Vite', link: '/getting-started/vite' },
        { text: 'A first flow with Next.js', link: '/getting-started/nextjs' },
      ],
    },
    {
      text: 'Concepts',
      items: [
        { text: 'Steps', link: '/concepts/steps' },
        { text: 'Kinds of next', link: '/concepts/next' },
        { text: 'Skipping', link: '/concepts/skipping' },
        { text: 'Sub-flows and repeats', link: '/concepts/composition' },
        { text: 'Path-scoped state', link: '/concepts/state' },
        { text: 'Drafts', link: '/concepts/drafts' },
        { text: 'History', link: '/concepts/history' },
        { text: 'Progress', link: '/concepts/progress' },
        { text: 'Async actions', link: '/concepts/async-actions' },
        { text: 'Validation', link: '/concepts/validation' },
        { text: 'Snapshots', link: '/concepts/snapshots' },
      ],
    },
    {
      text: 'Guides',
      items: [
        { text: 'Validation with zod, valibot, arktype', link: '/guides/validation' },
        { text: 'react-hook-form and TanStack Form', link: '/guides/forms' },
        { text: 'Routers', link: '/guides/routers' },
        { text: 'Persistence and resume', link: '/guides/persistence' },
        { text: 'Save and continue later', link: '/guides/save-and-continue' },
        { text: 'Journey insights', link: '/guides/insights' },
        { text: 'Flows from JSON and YAML', link: '/guides/flow-files' },
        { text: 'Diagrams', link: '/guides/diagrams' },
        { text: 'Testing a flow', link: '/guides/testing' },
        { text: 'Storybook', link: '/guides/storybook' },
        { text: 'Accessibility patterns', link: '/guides/accessibility' },
      ],
    },
    {
      text: 'Coming from another library',
      items: [
        { text: 'react-use-wizard', link: '/migrating/react-use-wizard' },
        { text: '@stepperize/react', link: '/migrating/stepperize' },
        { text: 'XState', link: '/migrating/xstate' },
      ],
    },
    {
      text: 'Reference',
      items: [
        { text: 'Overview', link: '/reference/' },
        { text: 'Error codes', link: '/reference/errors' },
        { text: 'Flow-file schema', link: '/reference/flow-file' },
        ...entryPoints(repoRoot).map((e) => ({ text: e.specifier, link: `/reference/api/${e.slug}` })),
      ],
    },
  ],
}
