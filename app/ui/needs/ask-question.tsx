import { Form, useNavigation } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { Button } from '~/ui/button'
import '~/i18n/areas/needs'

/** « Poser une question » before proposing; on an anonymised need, why there is none. */
export function AskQuestion({ needId, offer }: { needId: string; offer: 'ask' | 'anonymous' | null }) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const action = `/besoins/${needId}/question`
  if (!offer) return null
  return (
    <section aria-labelledby="question-title" className="card ask-question">
      <h2 id="question-title">{t('needs.question.title')}</h2>
      {offer === 'ask' ? (
        <>
          <p>{t('needs.question.text')}</p>
          <Form method="post" action={action}>
            <Button type="submit" variant="secondary" pending={navigation.state === 'submitting' && navigation.formAction === action}>
              {t('needs.question.ask')}
            </Button>
          </Form>
        </>
      ) : (
        <p className="muted">{t('needs.question.anonymous')}</p>
      )}
    </section>
  )
}
