// The admin REST API is the console's one contract: every page calls it as any client would, and shows its refusals in
// the API's own words (the RFC 7807 problem's `detail`).
import { session, signOut } from './session.js'
import { t } from './texts.js'

const BASE = '/api/v1'

/** A refusal or failure of the API, with the problem details it answered. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || t('app.noAnswer'))
    this.status = status
    this.code = problem?.code
    this.detail = problem?.detail || t('app.noAnswer')
    this.problem = problem ?? {}
  }
}

let onUnauthorized = () => {}

/** What to do when a token stops working (expired, revoked, account deactivated): the router sends the user to log in. */
export function whenUnauthorized(handler) {
  onUnauthorized = handler
}

async function request(method, path, { json, body, query, accept = 'application/json', headers = {} } = {}) {
  const url = new URL(BASE + path, window.location.origin)
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') {
      url.searchParams.set(name, value)
    }
  }
  const all = { Accept: accept, ...headers }
  if (session.token) {
    all.Authorization = `Bearer ${session.token}`
  }
  if (json !== undefined) {
    all['Content-Type'] = 'application/json'
    body = JSON.stringify(json)
  }
  let answer
  try {
    answer = await fetch(url, { method, headers: all, body })
  } catch {
    throw new ApiError(0, null)
  }
  if (answer.status === 401 && path !== '/auth/login') {
    signOut()
    onUnauthorized()
  }
  if (!answer.ok) {
    const problem = await answer.json().catch(() => null)
    throw new ApiError(answer.status, problem)
  }
  if (answer.status === 204) {
    return null
  }
  if (accept === '*/*') {
    return answer
  }
  const type = answer.headers.get('Content-Type') ?? ''
  return type.includes('json') ? answer.json() : answer.text()
}

/** The file name the API gives a download (its UTF-8 filename*, which carries the Chinese name), else the fallback. */
function fileName(disposition, fallback) {
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')
  if (utf8) {
    return decodeURIComponent(utf8[1])
  }
  const plain = /filename="([^"]+)"/i.exec(disposition ?? '')
  return plain ? plain[1] : fallback
}

/** Saves a file the API hands out (an XLSX workbook, the term's ZIP) under the name it gives; answers that name. */
export async function downloadFile(path, query, fallback = 'download') {
  const answer = await request('GET', path, { query, accept: '*/*' })
  const name = fileName(answer.headers.get('Content-Disposition'), fallback)
  save(await answer.blob(), name)
  return name
}

export const api = {
  get: (path, query) => request('GET', path, { query }),
  text: (path, query, accept = 'text/csv') => request('GET', path, { query, accept }),
  post: (path, json, query) => request('POST', path, { json: json ?? {}, query }),
  put: (path, json) => request('PUT', path, { json }),
  delete: (path) => request('DELETE', path),
  upload: (path, file, query) => {
    const form = new FormData()
    form.append('file', file)
    return request('POST', path, { body: form, query })
  },
}

/** Hands the browser a file to save under the name given (what the API sends needs the token, so no plain link). */
function save(blob, name) {
  const link = document.createElement('a')
  link.href = URL.createObjectURL(blob)
  link.download = name
  link.click()
  URL.revokeObjectURL(link.href)
}

/** Saves a CSV the API hands out; the BOM keeps Excel on UTF-8. */
export async function downloadCsv(path, filename, query) {
  const text = await api.text(path, query)
  save(new Blob(['\uFEFF' + text], { type: 'text/csv;charset=utf-8' }), filename)
}
