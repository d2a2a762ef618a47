// `node ../../scripts/dts-extensions.mjs dist` (the last step of each package's build): gives every relative
// import in the emitted .d.ts files the `.js` path Node resolves ('./kernel/state' becomes './kernel/state.js',
// './persist' becomes './persist/index.js'). The sources import without extensions (moduleResolution bundler);
// without this, a TypeScript app on moduleResolution node16/nodenext resolves none of them and loses the types.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'

const RELATIVE = /(\bfrom\s*|\bimport\s*\(\s*|^\s*import\s*)(["'])(\.\.?(?:\/[^"'\n]*)?)\2/g
/** JSDoc and comment lines: their examples are not imports. */
const COMMENT = /^\s*(?:\*|\/\*|\/\/)/
const RESOLVED = /\.(?:m?js|cjs|json)$/

/** The specifier with the extension Node needs, or an error naming the file and the import that resolves nowhere. */
const withExtension = (file, specifier) => {
  if (RESOLVED.test(specifier)) return specifier
  const bare = specifier.replace(/\.tsx?$/, '')
  const target = join(dirname(file), bare)
  if (existsSync(`${target}.d.ts`)) return `${bare}.js`
  if (existsSync(join(target, 'index.d.ts'))) return `${bare}/index.js`
  throw new Error(`${file}: import '${specifier}' matches no .d.ts file (looked for ${bare}.d.ts and ${bare}/index.d.ts)`)
}

const dir = process.argv[2]
if (!dir || !existsSync(dir)) throw new Error('usage: node scripts/dts-extensions.mjs <dist folder with .d.ts files>')
let changed = 0
for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.d.ts')) continue
  const file = join(entry.parentPath, entry.name)
  const text = readFileSync(file, 'utf8')
  const fixLine = (line) =>
    COMMENT.test(line) ? line : line.replace(RELATIVE, (_, lead, quote, spec) => `${lead}${quote}${withExtension(file, spec)}${quote}`)
  const fixed = text.split('\n').map(fixLine).join('\n')
  if (fixed !== text) {
    writeFileSync(file, fixed)
    changed++
  }
}
console.log(`dts-extensions: ${changed} declaration files in ${relative(process.cwd(), dir) || '.'} import with .js paths`)
