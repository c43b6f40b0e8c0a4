import { Form } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { Button } from './button'
import '~/i18n/areas/messaging'

/** The "Écrire" button of a profile: starts (or reopens) the direct conversation with that person. */
export function StartConversationButton({ userId, name }: { userId: string; name: string }) {
  const { t } = useTranslation()
  return (
    <Form method="post" action="/messages/nouvelle" className="start-conversation">
      <input type="hidden" name="userId" value={userId} />
      <Button type="submit" variant="secondary" title={t('messaging.start.title', { name })}>
        {t('messaging.start.write')}
      </Button>
    </Form>
  )
}
