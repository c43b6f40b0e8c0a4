import { useTranslation } from '~/i18n/react'
import { ATTACHMENT_ACCEPT } from '~/domain/messaging/attachment-types'
import type { SharedFileView } from '~/domain/projects/room.server'
import type { Language } from '~/i18n/config'
import { Button } from '~/ui/button'
import { formatDate } from '~/ui/needs/need-display'
import { EmptyState } from '~/ui/states'
import { kiloBytes } from './form-result'
import '~/i18n/areas/projects'

/**
 * The files shared in the project's conversation (downloaded through the messaging area's
 * members-only route) and a form to share one. The form posts a plain multipart request to
 * /projets/<id>/fichiers, which stores it as an attachment of the room and comes back here.
 */
export function FilesSection({ projectId, files, clientId }: { projectId: string; files: SharedFileView[]; clientId: string }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language as Language
  return (
    <section aria-labelledby="files-title" className="section project-section" id="fichiers">
      <h2 id="files-title">{t('projects.files.title')}</h2>
      <p className="muted">{t('projects.files.lead')}</p>
      {files.length ? (
        <div className="table-scroll">
          <table className="files-table">
            <thead>
              <tr>
                <th scope="col">{t('projects.files.name')}</th>
                <th scope="col">{t('projects.files.size')}</th>
                <th scope="col">{t('projects.files.by')}</th>
                <th scope="col">{t('projects.files.at')}</th>
              </tr>
            </thead>
            <tbody>
              {files.map((file) => (
                <tr key={file.id}>
                  <th scope="row">
                    <a href={file.href} download={file.name}>
                      {file.name}
                    </a>
                  </th>
                  <td>{t('projects.files.sizeValue', { size: kiloBytes(file.size) })}</td>
                  <td>{file.author.name}</td>
                  <td>
                    <time dateTime={file.at}>{formatDate(file.at, language)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <EmptyState title={t('projects.files.emptyTitle')}>
          <p>{t('projects.files.emptyText')}</p>
        </EmptyState>
      )}
      {/* A document post (not fetch): the file goes as multipart, with or without JavaScript. */}
      <form method="post" action={`/projets/${projectId}/fichiers`} encType="multipart/form-data" className="project-file-form">
        <h3 className="project-subtitle">{t('projects.files.add')}</h3>
        <input type="hidden" name="clientId" value={clientId} />
        <div className="field">
          <label htmlFor="project-file">{t('projects.files.label')}</label>
          <p className="field-hint" id="project-file-hint">
            {t('projects.files.hint')}
          </p>
          <input id="project-file" type="file" name="file" accept={ATTACHMENT_ACCEPT} required aria-describedby="project-file-hint" />
        </div>
        <Button type="submit" variant="secondary">
          {t('projects.files.send')}
        </Button>
      </form>
    </section>
  )
}
