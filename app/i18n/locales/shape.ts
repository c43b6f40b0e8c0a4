/** An English (or any other) locale must mirror the French one key for key. */
export type SameShape<T> = { [K in keyof T]: T[K] extends string ? string : SameShape<T[K]> }
