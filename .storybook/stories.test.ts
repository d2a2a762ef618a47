/// <reference types="vite/client" />
import type { Meta, StoryObj } from '@storybook/react'
import { composeStories } from '@storybook/react'
import axe from 'axe-core'
import { describe, expect, test } from 'vitest'

type StoryModule = { default: Meta } & Record<string, StoryObj>

const modules = import.meta.glob<StoryModule>(['../packages/react/src/**/*.stories.tsx', '../apps/demo/src/**/*.stories.tsx'], {
  eager: true,
})

interface A11yParameters {
  readonly test?: 'error' | 'todo' | 'off'
  readonly disable?: boolean
  readonly config?: axe.Spec
  readonly options?: axe.RunOptions
}

/** Axe over the rendered story, with the story's `a11y` parameters, as the a11y addon runs it in the browser. */
const violationsIn = async (element: Element, a11y: A11yParameters = {}) => {
  axe.reset()
  // Landmarks are the page's job, not a component's: the a11y addon turns this rule off as well.
  axe.configure({ ...a11y.config, rules: [{ id: 'region', enabled: false }, ...(a11y.config?.rules ?? [])] })
  const { violations } = await axe.run(element, a11y.options ?? {})
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
}

test('finds the story files', () => {
  expect(Object.keys(modules).length).toBeGreaterThan(0)
})

for (const [file, module] of Object.entries(modules)) {
  describe(file.replace(/^\.\.\//, ''), () => {
    for (const [name, Story] of Object.entries(composeStories(module))) {
      test(name, async () => {
        const canvasElement = document.createElement('div')
        document.body.append(canvasElement)
        try {
          await Story.run({ canvasElement })
          const a11y = Story.parameters.a11y as A11yParameters | undefined
          if (a11y?.disable || a11y?.test === 'off') return
          const violations = await violationsIn(canvasElement, a11y)
          if (a11y?.test !== 'todo') expect(violations).toEqual([])
        } finally {
          canvasElement.remove()
        }
      })
    }
  })
}
