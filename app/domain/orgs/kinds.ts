/** Organisation kinds (PRODUCT.md). Only research-side kinds answer needs. */
export const orgKinds = ['company', 'lab', 'technology_centre', 'cluster', 'pole'] as const
export type OrgKind = (typeof orgKinds)[number]

/** Kinds that start "unverified" until an animator or admin checks them. */
export const kindsRequiringVerification: readonly OrgKind[] = ['lab', 'technology_centre', 'cluster', 'pole']

/** Kinds that may answer needs with proposals. */
export const proposingKinds: readonly OrgKind[] = ['lab', 'technology_centre', 'cluster', 'pole']

/** Kinds a company may declare itself a member of, and that animators animate. */
export const animatedKinds: readonly OrgKind[] = ['cluster', 'pole']

export const orgRoles = ['owner', 'member'] as const
export type OrgRole = (typeof orgRoles)[number]
