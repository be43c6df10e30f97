// Where the binding slips come from. The API's slip sheet (GET /api/v1/binding-slips?class=, from the qrslips work)
// gives each guardian not bound their children, code and the WeChat QR code's URL once the bot has made it; the QR
// image is drawn here from that URL (a QR library, never an image fetched from WeChat per slip). Until that endpoint
// is deployed (an admin API without it answers the generic 404 NOT_FOUND), the printable sheet of the binding codes
// (GET /api/v1/binding-codes?class=, CSV) gives the same slips without a QR code.
import QRCode from 'qrcode'
import { api } from '@/api.js'
import { t } from '@/texts.js'

/** { slips: [{ guardianName, children: [{ name, className, relation }], code, qr, qrImage }], pending, bound } */
export async function loadSlips(className) {
  let sheet
  try {
    sheet = await api.get('/binding-slips', { class: className })
  } catch (e) {
    if (e.status === 404 && e.code === 'NOT_FOUND') {
      return fromCodeSheet(className)
    }
    throw e
  }
  const slips = await Promise.all(sheet.slips.map(async (slip) => ({
    ...slip,
    qrImage: slip.qrUrl ? await QRCode.toDataURL(slip.qrUrl, { margin: 1, width: 200 }) : null,
  })))
  return { slips, pending: sheet.pending, bound: sheet.bound }
}

async function fromCodeSheet(className) {
  const rows = parseCsv(await api.text('/binding-codes', { class: className })).slice(1).filter((c) => c.length >= 5)
  const slips = []
  const bound = []
  for (const [cls, student, guardian, relation, code] of rows) {
    const children = [{ name: student, className: cls, relation }]
    if (code === t('slips.bound')) {
      bound.push({ guardianName: guardian, children })
    } else {
      slips.push({ guardianName: guardian, children, code, qr: null, qrImage: null })
    }
  }
  return { slips, pending: 0, bound }
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
