/**
 * What may be attached to a message (shared by the file picker and the server check): office
 * documents, images, and the CAD files industrial projects exchange. Uploads are streamed to
 * GridFS (never held whole in memory), so the cap is the product's, not the server's.
 */
export const ATTACHMENT_MAX_BYTES = 25 * 1024 * 1024

/** Accepted types, by extension; the content must then look like that type (file-content.ts). */
export const ATTACHMENT_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  txt: 'text/plain',
  csv: 'text/csv',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  stl: 'model/stl',
  step: 'model/step',
  stp: 'model/step',
  iges: 'model/iges',
  igs: 'model/iges',
  '3mf': 'model/3mf',
  dxf: 'image/vnd.dxf',
}
export const ATTACHMENT_ACCEPT = Object.keys(ATTACHMENT_TYPES).map((extension) => `.${extension}`).join(',')
