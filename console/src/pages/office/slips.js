// Where the binding slips come from. Today: the API's printable sheet (GET /api/v1/binding-codes?class=, CSV: 班级,
// 学生,家长,关系,绑定码, with 已绑定 instead of a code for a bound guardian). The seam for the QR work: once the API hands
// out each slip with its WeChat QR URL, read that endpoint here and set `qrImage` (rendered locally by a QR library
// from the URL WeChat returned, never fetched per slip); the page needs no other change.
import { api } from '@/api.js'
import { t } from '@/texts.js'

export async function loadSlips(className) {
  const csv = await api.text('/binding-codes', { class: className })
  return parseCsv(csv).slice(1).filter((cells) => cells.length >= 5).map(([cls, student, guardian, relation, code]) => {
    const bound = code === t('slips.bound')
    return { className: cls, studentName: student, guardianName: guardian, relation, code: bound ? null : code,
      bound, qrImage: null }
  })
}

/** RFC 4180 as Commons CSV's EXCEL format writes it: quoted cells, doubled quotes, CRLF; a leading BOM dropped. */
export function parseCsv(text) {
  const rows = []
  let row = []
  let cell = ''
  let quoted = false
  const src = text.replace(/^\uFEFF/, '')
  for (let i = 0; i < src.length; i++) {
    const c = src[i]
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') { cell += '"'; i++ } else if (c === '"') { quoted = false } else { cell += c }
    } else if (c === '"') {
      quoted = true
    } else if (c === ',') {
      row.push(cell); cell = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++
      row.push(cell); rows.push(row); row = []; cell = ''
    } else {
      cell += c
    }
  }
  if (cell || row.length) { row.push(cell); rows.push(row) }
  return rows
}
