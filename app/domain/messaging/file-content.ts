/**
 * Does a file's content look like what its name says? A name is a claim; these are the first
 * bytes every program that opens the type expects. Checked on the first `SNIFF_BYTES` of the
 * upload, and once more at the end for the one type whose proof is its length (binary STL).
 */
export const SNIFF_BYTES = 4096

const ascii = (bytes: Uint8Array, from = 0, to = bytes.length) => String.fromCharCode(...bytes.subarray(from, Math.min(to, bytes.length)))
const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((byte, index) => bytes[index] === byte)
/** Leading BOM and white space skipped: text formats written by many tools. */
const textStart = (bytes: Uint8Array, length: number) => ascii(bytes, 0, 512).replace(/^\uFEFF|^\u00EF\u00BB\u00BF/, '').trimStart().slice(0, length)

const ZIP = [0x50, 0x4b, 0x03, 0x04]

/** Plain text: no NUL and no control characters but tab, line breaks and form feed. */
function looksLikeText(bytes: Uint8Array) {
  for (const byte of bytes) if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) return false
  return true
}

const checks: Record<string, (head: Uint8Array) => boolean> = {
  pdf: (head) => ascii(head, 0, 1024).includes('%PDF-'),
  png: (head) => startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  jpg: (head) => startsWith(head, [0xff, 0xd8, 0xff]),
  jpeg: (head) => startsWith(head, [0xff, 0xd8, 0xff]),
  txt: looksLikeText,
  csv: looksLikeText,
  // Office Open XML, OpenDocument and 3MF are ZIP packages.
  docx: (head) => startsWith(head, ZIP),
  xlsx: (head) => startsWith(head, ZIP),
  pptx: (head) => startsWith(head, ZIP),
  odt: (head) => startsWith(head, ZIP),
  ods: (head) => startsWith(head, ZIP),
  '3mf': (head) => startsWith(head, ZIP),
  // ASCII STL starts "solid"; a binary one has an 80-byte header and a triangle count (see `lengthMatches`).
  stl: (head) => textStart(head, 5).toLowerCase() === 'solid' || head.length >= 84,
  step: (head) => textStart(head, 13) === 'ISO-10303-21;',
  stp: (head) => textStart(head, 13) === 'ISO-10303-21;',
  // IGES: 80-column records, the section letter in column 73; the first is the Start section.
  iges: (head) => head.length >= 73 && head[72] === 0x53 && looksLikeText(head),
  igs: (head) => head.length >= 73 && head[72] === 0x53 && looksLikeText(head),
  // DXF: group code 0 then SECTION (ASCII), or the binary DXF sentinel.
  dxf: (head) => /^0\s*\r?\n\s*SECTION/.test(textStart(head, 40)) || ascii(head, 0, 18) === 'AutoCAD Binary DXF',
}

/** The first bytes (up to SNIFF_BYTES, fewer for a short file) fit the type the extension names. */
export function contentMatches(extension: string, head: Uint8Array): boolean {
  const check = checks[extension]
  return Boolean(check && head.length > 0 && check(head))
}

/** Once the whole file is read: a binary STL's length is fixed by its triangle count. */
export function lengthMatches(extension: string, head: Uint8Array, size: number): boolean {
  if (extension !== 'stl' || textStart(head, 5).toLowerCase() === 'solid') return true
  const triangles = new DataView(head.buffer, head.byteOffset, head.byteLength).getUint32(80, true)
  return size === 84 + 50 * triangles
}
