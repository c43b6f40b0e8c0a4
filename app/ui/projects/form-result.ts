import type { SubmissionResult } from '@conform-to/react'

/** What the project page's action answers: which form the result belongs to, and the result. */
export type ProjectActionData = { formId: string; result: SubmissionResult<string[]> } | undefined

/** The last result of one form among the page's many, or nothing. */
export const resultFor = (actionData: ProjectActionData, formId: string) => (actionData?.formId === formId ? actionData.result : undefined)

/** Errors of the whole form (conform keeps them under the empty key). */
export const formErrorsOf = (result: SubmissionResult<string[]> | undefined) => result?.error?.[''] ?? undefined

/** Sizes in kB, at least 1 (like the conversation's attachments). */
export const kiloBytes = (size: number) => Math.max(1, Math.round(size / 1024))
