import type { Preview } from '@storybook/react-vite'

/** Every story gets an autodocs page and an axe check that fails the test run on any violation. */
const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
}

export default preview
