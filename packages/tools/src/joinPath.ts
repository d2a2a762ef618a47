const isAbsolute = (path: string) => path.startsWith('/') || path.startsWith('\\') || /^[A-Za-z]:[\\/]/.test(path)

/**
 * The path of `relative` as seen from the file at `from` (its folder, not the file), with `.` and `..`
 * resolved; an absolute `relative` is kept. Plain string work on `/` and `\`, so the loader runs in
 * browsers too: `joinPath('flows/checkout.flow.yaml', './address.flow.yaml')` is `'flows/address.flow.yaml'`.
 */
export const joinPath = (from: string | undefined, relative: string): string => {
  const folder = from === undefined ? '' : from.replace(/[^\\/]*$/, '')
  const joined = isAbsolute(relative) ? relative : `${folder}${relative}`
  const root = /^(?:[A-Za-z]:)?[\\/]/.exec(joined)?.[0] ?? ''
  const parts: string[] = []
  for (const part of joined.slice(root.length).split(/[\\/]+/)) {
    if (part === '' || part === '.') continue
    if (part === '..' && parts.length > 0 && parts.at(-1) !== '..') parts.pop()
    else if (part !== '..' || root === '') parts.push(part)
  }
  return `${root}${parts.join('/')}`
}
