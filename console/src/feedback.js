// How pages tell staff what happened: refusals in the API's words, and a confirmation before anything reaches parents.
import { ElMessage, ElMessageBox } from 'element-plus'
import { t } from './texts.js'

export function refused(error) {
  ElMessage({ type: 'error', message: t('app.failed', { detail: error.detail ?? error.message }), duration: 6000 })
}

export function done(message = t('app.done')) {
  ElMessage({ type: 'success', message })
}

/**
 * Asks before an action; the message says who will be told (e.g. "将通知 32 位家长"). Resolves true when confirmed,
 * false when cancelled, so callers read `if (!(await confirmed(...))) return`.
 */
export async function confirmed(message, title = t('app.confirmTitle')) {
  try {
    await ElMessageBox.confirm(message, title, {
      confirmButtonText: t('app.confirm'), cancelButtonText: t('app.cancel'), type: 'warning',
    })
    return true
  } catch {
    return false
  }
}

/** Runs an API call for a button: success message, or the refusal shown; answers the result or undefined. */
export async function act(call, message) {
  try {
    const result = await call()
    done(message)
    return result
  } catch (error) {
    refused(error)
    return undefined
  }
}
