/** Platform roles (PRODUCT.md personas). Org roles (owner/member) live on memberships. */
export const userRoles = ['industrialist', 'researcher', 'animator', 'admin'] as const
export type UserRole = (typeof userRoles)[number]

/** Roles a person may pick when signing up; animators are appointed by admins. */
export const selfServiceRoles = ['industrialist', 'researcher'] as const satisfies readonly UserRole[]
