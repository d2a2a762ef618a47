interface HastNode {
  type: string
  tagName?: string
  properties?: Record<string, unknown>
  children?: HastNode[]
}

const isHeaderAnchor = (node: HastNode) => {
  const className = node.properties?.className ?? node.properties?.class
  return (
    node.tagName === 'a' &&
    (Array.isArray(className) ? className.includes('rp-header-anchor') : String(className ?? '').includes('rp-header-anchor'))
  )
}

/**
 * Rspress puts a `#` permalink in every heading with `aria-hidden="true"` yet focusable, so keyboard
 * users tab onto links screen readers do not announce (axe: aria-hidden-focus). This rehype plugin runs
 * after Rspress's and takes them out of the tab order; the outline beside the page links every heading.
 */
export const rehypeHeaderAnchorsOutOfTabOrder = () => (tree: HastNode) => {
  const visit = (node: HastNode) => {
    if (isHeaderAnchor(node)) node.properties = { ...node.properties, tabIndex: -1 }
    for (const child of node.children ?? []) visit(child)
  }
  visit(tree)
}
