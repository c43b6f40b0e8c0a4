import { commonPasswordsText } from './common-passwords'

/** NIST SP 800-63B: length over composition rules, and no password attackers try first. */
export const PASSWORD_MIN_LENGTH = 12
/** argon2 hashes anything, but a bounded input bounds the work an anonymous request can cause. */
export const PASSWORD_MAX_LENGTH = 256

const commonPasswords = new Set(commonPasswordsText.split(/\s+/).filter(Boolean))

/** Cores shorter than this ("om", "c3") would refuse too much once padded with digits. */
const MIN_CORE_LENGTH = 4

const leetDigits: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '9': 'g' }
const leetSymbols: Record<string, string> = { '@': 'a', $: 's', '€': 'e' }

const withoutAccents = (text: string) => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
const replaceAll = (text: string, table: Record<string, string>) => [...text].map((char) => table[char] ?? char).join('')

/**
 * The word under the decoration: "P@ssw0rd1234!" → "password", "Motdepasse2024" → "motdepasse".
 * Digits and symbols around it are dropped; leetspeak inside it is read as letters.
 */
export function passwordCore(password: string): string {
  const lower = replaceAll(withoutAccents(password.toLowerCase()), leetSymbols)
  const stripped = lower.replace(/^[^a-z]+/, '').replace(/[^a-z]+$/, '')
  return replaceAll(stripped, leetDigits)
}

const cores = new Set([...commonPasswords].map(passwordCore).filter((core) => core.length >= MIN_CORE_LENGTH))

/** Runs people type without thinking: counting, keyboard rows (QWERTY and AZERTY). */
const sequences = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiopasdfghjklzxcvbnm', 'azertyuiopqsdfghjklmwxcvbn', '1qaz2wsx3edc4rfv5tgb6yhn7ujm']
  .flatMap((run) => [run, [...run].reverse().join('')])
  .map((run) => run.repeat(4))

function isSequence(lower: string) {
  return sequences.some((run) => run.includes(lower))
}

/** "abcabcabcabc", "111111111111", "passwordpassword". */
function isRepetition(lower: string, core: string) {
  if (/^(.{1,4})\1+$/.test(lower)) return true
  const unit = /^(.+?)\1+$/.exec(core)?.[1]
  return unit !== undefined && (commonPasswords.has(unit) || cores.has(passwordCore(unit)))
}

export function isCommonPassword(password: string): boolean {
  const lower = withoutAccents(password.toLowerCase())
  if (commonPasswords.has(lower)) return true
  const core = passwordCore(password)
  if (cores.has(core)) return true
  return isRepetition(lower, core) || isSequence(lower)
}
