import { describe, expect, it } from 'vitest'
import { readersByMessage } from '~/domain/messaging/receipts'

const camille = { id: 'camille', name: 'Camille' }
const jean = { id: 'jean', name: 'Jean' }
const ines = { id: 'ines', name: 'Inès' }
const message = (id: string, seq: number, author: { id: string }) => ({ id, seq, author: { id: author.id } })

describe('read receipts', () => {
  const messages = [message('m1', 1, jean), message('m2', 2, camille), message('m3', 3, camille)]

  it('never names the author under their own message: Camille, having read her own last message, shows under Jean’s', () => {
    const readers = readersByMessage(messages, { camille: 3, jean: 3 }, [camille, jean], 'ines')
    expect(readers.get('m3')).toEqual(['Jean'])
    expect(readers.get('m1')).toEqual(['Camille'])
    expect(readers.get('m2')).toBeUndefined()
    for (const [messageId, names] of readers) {
      const author = messages.find((item) => item.id === messageId)!.author.id
      expect(names).not.toContain(author === 'camille' ? 'Camille' : 'Jean')
    }
  })

  it('never names the person looking at the page', () => {
    const readers = readersByMessage(messages, { camille: 3, jean: 3 }, [camille, jean], 'jean')
    expect([...readers.values()].flat()).toEqual(['Camille'])
  })

  it('shows nobody when a reader has only their own messages to read, and gathers readers under the same message', () => {
    expect(readersByMessage([message('m1', 1, camille)], { camille: 1 }, [camille, jean], 'jean').size).toBe(0)
    const readers = readersByMessage(messages, { jean: 3, ines: 3 }, [camille, jean, ines], 'camille')
    expect(readers.get('m3')).toEqual(['Jean', 'Inès'])
  })
})
