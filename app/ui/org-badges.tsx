import { useTranslation } from '~/i18n/react'
import { kindsRequiringVerification, type OrgKind } from '~/domain/orgs/kinds'

/** "Vérifié" for any verified organisation; "Non vérifié" only for kinds that need verifying. */
export function OrgBadges({ kind, verified, fictional }: { kind: OrgKind; verified: boolean; fictional?: boolean }) {
  const { t } = useTranslation()
  return (
    <>
      {verified ? (
        <span className="badge badge-verified">
          <span aria-hidden="true">✓ </span>
          {t('orgBadges.verified')}
        </span>
      ) : kindsRequiringVerification.includes(kind) ? (
        <span className="badge badge-unverified">{t('orgBadges.unverified')}</span>
      ) : null}
      {fictional ? <span className="badge badge-fictional">{t('orgBadges.fictional')}</span> : null}
    </>
  )
}
