/** What the demo shop sells. Digital goods need no shipping address. */
export interface Product {
  readonly id: ProductId
  readonly name: string
  readonly description: string
  /** Price in cents. */
  readonly price: number
  readonly digital: boolean
}

export type ProductId = 'hoodie' | 'stickers' | 'license' | 'course'

export const PRODUCTS: readonly Product[] = [
  { id: 'hoodie', name: 'Flowkit hoodie', description: 'Organic cotton, embroidered logo', price: 5900, digital: false },
  { id: 'stickers', name: 'Sticker pack', description: 'Ten vinyl stickers', price: 600, digital: false },
  { id: 'license', name: 'Flowkit Pro licence', description: 'One year, one team · digital', price: 14900, digital: true },
  { id: 'course', name: 'Video course', description: 'Multi-step forms done right · digital', price: 7900, digital: true },
]

export const productById = (id: string): Product | undefined => PRODUCTS.find((p) => p.id === id)

/** Formats cents as euros: `formatPrice(5900)` → `€59.00`. */
export const formatPrice = (cents: number): string =>
  new Intl.NumberFormat('en-IE', { style: 'currency', currency: 'EUR' }).format(cents / 100)

export const DELIVERY_METHODS = {
  standard: { label: 'Standard', detail: '3–5 working days', price: 0, physical: true },
  express: { label: 'Express', detail: 'Next working day', price: 990, physical: true },
  email: { label: 'Email', detail: 'Licence keys and links by email, instantly', price: 0, physical: false },
} as const

export type DeliveryMethod = keyof typeof DELIVERY_METHODS
