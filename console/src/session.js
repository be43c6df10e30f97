import { reactive } from 'vue'

// The token lives in sessionStorage: it goes with the browser tab, so a shared office computer forgets it on close.
const KEY = 'kehou.console.session'

function load() {
  try {
    return JSON.parse(sessionStorage.getItem(KEY)) ?? {}
  } catch {
    return {}
  }
}

/** Who is logged in: the token, the username typed and whether the API treats them as the school admin. */
export const session = reactive({ token: null, username: null, displayName: null, admin: false, ...load() })

export function signIn(values) {
  Object.assign(session, values)
  sessionStorage.setItem(KEY, JSON.stringify(session))
}

export function signOut() {
  Object.assign(session, { token: null, username: null, displayName: null, admin: false })
  sessionStorage.removeItem(KEY)
}
