import { describe, expect, it } from 'vitest'
import { cleanReplyText, clientIdOfMail, isAutomatedMail, REPLY_SCAN_CHARS } from '~/domain/mail/inbound-rules'
import { replyAddress, replyTokenOf, signReplyToken, verifyReplyToken } from '~/domain/mail/reply-address'
import { signUnsubscribeToken } from '~/domain/mail/signed-links'
import { loadConfig } from '../../server/config'

const secret = 'un-secret-de-test-d-au-moins-trente-deux-caracteres'
const userId = '65a1b2c3d4e5f60718293a4b'
const conversationId = '65a1b2c3d4e5f60718293a4c'

describe('reply token', () => {
  it('names its person and conversation, any case, and fits in a local part', () => {
    const token = signReplyToken(secret, userId, conversationId)
    expect(verifyReplyToken(secret, token)).toEqual({ userId, conversationId })
    expect(verifyReplyToken(secret, token.toUpperCase())).toEqual({ userId, conversationId })
    const address = replyAddress('Reponse.Passerelle.test', token)
    expect(address.split('@')[0]!.length).toBeLessThanOrEqual(64)
    expect(address).toMatch(/^reply\+[a-z2-7]{39}\.[a-z2-7]{16}@reponse\.passerelle\.test$/)
    expect(replyTokenOf(address.toUpperCase(), 'reponse.passerelle.test')).toBe(token)
    expect(replyTokenOf(address, 'autre.test')).toBeNull()
    expect(replyTokenOf(`contact@reponse.passerelle.test`, 'reponse.passerelle.test')).toBeNull()
  })

  it('refuses forged, altered, other-secret and other-purpose tokens', () => {
    const token = signReplyToken(secret, userId, conversationId)
    const [ids, signature] = token.split('.') as [string, string]
    // Another conversation with the first token's signature.
    const other = signReplyToken(secret, userId, '65a1b2c3d4e5f60718293a4d')
    expect(verifyReplyToken(secret, `${other.split('.')[0]}.${signature}`)).toBeNull()
    expect(verifyReplyToken(secret, `${ids}.${signature.slice(0, -1)}${signature.endsWith('a') ? 'b' : 'a'}`)).toBeNull()
    expect(verifyReplyToken('un-autre-secret-tout-aussi-long-que-le-premier', token)).toBeNull()
    expect(verifyReplyToken(secret, signUnsubscribeToken(secret, userId, 'message'))).toBeNull()
    for (const junk of ['', 'x', `${ids}.`, `${ids}.${signature}.x`, `${ids}!.${signature}`, 42, null, 'a'.repeat(500)]) expect(verifyReplyToken(secret, junk)).toBeNull()
    expect(() => signReplyToken(secret, 'pas-un-id', conversationId)).toThrow()
  })
})

describe('reply cleaning', () => {
  it('keeps the new text of an English reply, without the quoted history', () => {
    const text = 'Thanks, see you on Thursday.\n\nOn Mon, Dec 7, 2026 at 10:12 AM Passerelle <reply+abc@passerelle.test> wrote:\n> Hello Bruno,\n> You have 3 unread messages'
    expect(cleanReplyText(text)).toBe('Thanks, see you on Thursday.')
  })

  it('keeps the new text of a French reply, quote header on one line or wrapped', () => {
    expect(cleanReplyText('Merci, je passe jeudi.\n\nLe lun. 7 déc. 2026 à 10:12, Passerelle <reply+abc@passerelle.test> a écrit :\n> Bonjour Bruno')).toBe('Merci, je passe jeudi.')
    expect(cleanReplyText('Merci, je passe jeudi.\r\n\r\nLe 7 déc. 2026 à 10:12, Alice Martin <alice@example.fr> a\r\nécrit :\r\n> Bonjour')).toBe('Merci, je passe jeudi.')
    expect(cleanReplyText('D’accord.\n\nLe lundi 7 décembre 2026, Passerelle a écrit :\n\nBonjour Bruno,\nVous avez 1 message non lu')).toBe('D’accord.')
  })

  it('removes signatures after "-- " and phone footers, and Outlook history blocks', () => {
    expect(cleanReplyText('Bonjour,\nOK pour moi.\n\n-- \nJean Dupont\nDirecteur technique')).toBe('Bonjour,\nOK pour moi.')
    expect(cleanReplyText('OK pour moi.\n\nEnvoyé de mon iPhone')).toBe('OK pour moi.')
    expect(cleanReplyText('Vu.\n\n________________________________\nDe : Passerelle <reply+abc@passerelle.test>\nEnvoyé : lundi 7 décembre 2026 10:12\nObjet : Alice vous a écrit')).toBe('Vu.')
    expect(cleanReplyText('Vu.\n\n-----Message d’origine-----\nDe : Passerelle')).toBe('Vu.')
  })

  it('keeps a multi-paragraph reply whole, and a reply that is only quotes is empty', () => {
    expect(cleanReplyText('Premier point.\n\nSecond point : le devis.\n')).toBe('Premier point.\n\nSecond point : le devis.')
    expect(cleanReplyText('> Bonjour\n> Vous avez 1 message')).toBe('')
  })

  it('reads only the start of a huge mail (the message limit refuses what is longer anyway)', () => {
    expect(cleanReplyText('a'.repeat(2_000_000))).toHaveLength(REPLY_SCAN_CHARS)
    expect(cleanReplyText(`Court.\n\nOn Mon, Dec 7, 2026 Passerelle wrote:\n${'> ligne citée\n'.repeat(200_000)}`)).toBe('Court.')
  })
})

describe('automated mail', () => {
  const headers = (values: Record<string, string>) => ({ get: (name: string) => values[name.toLowerCase()] })
  const person = { headers: headers({}), subject: 'Re: Alice vous a écrit sur Passerelle', envelopeFrom: 'bruno@example.fr' }

  it('recognises auto-replies, bounces and lists', () => {
    expect(isAutomatedMail(person)).toBe(false)
    expect(isAutomatedMail({ ...person, headers: headers({ 'auto-submitted': 'no' }) })).toBe(false)
    expect(isAutomatedMail({ ...person, headers: headers({ 'auto-submitted': 'auto-replied' }) })).toBe(true)
    expect(isAutomatedMail({ ...person, headers: headers({ precedence: 'bulk' }) })).toBe(true)
    expect(isAutomatedMail({ ...person, headers: headers({ precedence: 'junk' }) })).toBe(true)
    expect(isAutomatedMail({ ...person, headers: headers({ precedence: 'list' }) })).toBe(true)
    expect(isAutomatedMail({ ...person, headers: headers({ 'x-autoreply': 'yes' }) })).toBe(true)
    expect(isAutomatedMail({ ...person, envelopeFrom: null })).toBe(true)
  })

  it('recognises out-of-office subjects in French and English', () => {
    for (const subject of ['Réponse automatique : Alice vous a écrit', 'Automatic reply: Alice wrote', 'Out of Office: back Monday', 'Absence du bureau', 'Absence : retour le 4 janvier', 'Message d’absence', 'RE: Absent du bureau jusqu’au 3', 'Autoreply: hi']) {
      expect(isAutomatedMail({ ...person, subject })).toBe(true)
    }
    // A person writing about an absence is a person.
    expect(isAutomatedMail({ ...person, subject: 'Re: absence de devis ?' })).toBe(false)
    expect(isAutomatedMail({ ...person, subject: 'Re: le devis' })).toBe(false)
  })
})

describe('client id of a mail', () => {
  it('is the same for the same Message-ID, differs per part, and fits the message client id', () => {
    const id = clientIdOfMail('<abc@mail.example>', 'x')
    expect(id).toBe(clientIdOfMail(' <abc@mail.example> ', 'y'))
    expect(id).not.toBe(clientIdOfMail('<abc@mail.example>', 'x', 1))
    expect(id).not.toBe(clientIdOfMail('<abd@mail.example>', 'x'))
    expect(clientIdOfMail(undefined, 'contenu')).toBe(clientIdOfMail('', 'contenu'))
    expect(id).toMatch(/^[\w-]{8,64}$/)
  })
})

describe('inbound settings', () => {
  it('are off unless both the port and the domain are given', () => {
    expect(loadConfig({}).inbound).toBeNull()
    expect(loadConfig({ PASSERELLE_INBOUND_SMTP_PORT: '2525', PASSERELLE_INBOUND_DOMAIN: 'Reponse.Passerelle.fr' }).inbound).toEqual({ port: 2525, host: '127.0.0.1', domain: 'reponse.passerelle.fr' })
    expect(() => loadConfig({ PASSERELLE_INBOUND_SMTP_PORT: '2525' })).toThrow(/PASSERELLE_INBOUND_DOMAIN/)
    expect(() => loadConfig({ PASSERELLE_INBOUND_SMTP_PORT: '2525', PASSERELLE_INBOUND_DOMAIN: 'pas un domaine' })).toThrow(/PASSERELLE_INBOUND_DOMAIN/)
    expect(() => loadConfig({ PASSERELLE_INBOUND_SMTP_PORT: '99999', PASSERELLE_INBOUND_DOMAIN: 'reponse.passerelle.fr' })).toThrow(/PASSERELLE_INBOUND_SMTP_PORT/)
  })
})
