/** The character codes a JSON scanner looks for (`text.charCodeAt(i)`), shared by `jsonDepth` and `jsonText`. */
export const QUOTE = 34
export const BACKSLASH = 92
export const COLON = 58
export const COMMA = 44
export const OPEN_BRACE = 123
export const OPEN_BRACKET = 91
export const CLOSE_BRACE = 125
export const CLOSE_BRACKET = 93
