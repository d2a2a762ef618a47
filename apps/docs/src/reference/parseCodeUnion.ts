import ts from 'typescript'

/** One member of a string-literal union, with the category comment it sits under. */
export interface UnionMember {
  readonly code: string
  /** The first word of the `// category: …` comment above its group, e.g. `definition`. */
  readonly category: string
  /** The rest of that comment: what the group is about. */
  readonly group: string
}

/**
 * Reads `export type <name> = | 'A' | 'B' …` from TypeScript source, keeping the line comments that
 * head each group (`// usage: a programmer mistake…`). Throws when the type is missing, so a rename in
 * the source fails the docs build instead of emptying the page.
 */
export function parseCodeUnion(sourceText: string, typeName: string): UnionMember[] {
  const file = ts.createSourceFile('union.ts', sourceText, ts.ScriptTarget.Latest, true)
  const alias = file.statements.find((s): s is ts.TypeAliasDeclaration => ts.isTypeAliasDeclaration(s) && s.name.text === typeName)
  if (!alias || !ts.isUnionTypeNode(alias.type))
    throw new Error(`parseCodeUnion: no union type '${typeName}' in the source; was it renamed?`)
  let category = ''
  let group = ''
  let from = alias.type.getFullStart()
  return alias.type.types.map((member) => {
    // A group's comment sits between the previous member and this one (before the `|`).
    for (const [, name, about] of sourceText.slice(from, member.getStart()).matchAll(/\/\/\s*(\w+):\s*(.*)/g)) {
      category = name!
      group = about!.trim()
    }
    from = member.getEnd()
    if (!ts.isLiteralTypeNode(member) || !ts.isStringLiteral(member.literal)) {
      throw new Error(`parseCodeUnion: '${typeName}' has a member that is not a string literal: ${member.getText()}`)
    }
    return { code: member.literal.text, category, group }
  })
}
