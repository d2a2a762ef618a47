import type { StorybookConfig } from '@storybook/react-vite'
import { mergeConfig } from 'vite'
import { sourceResolve } from '../vitest.shared.ts'

/** Storybook for @flowkit/react's components and the demo's flows; stories live next to what they show. */
const config: StorybookConfig = {
  stories: ['../packages/react/src/**/*.stories.tsx', '../apps/demo/src/**/*.stories.tsx'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/react-vite', options: { strictMode: true } },
  core: { disableTelemetry: true },
  // Workspace packages are read from `src` (the `@flowkit/source` export condition), so no build comes first.
  viteFinal: (vite) => mergeConfig(vite, sourceResolve),
}

export default config
