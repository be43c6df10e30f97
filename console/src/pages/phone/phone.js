// What the phone pages share: a confirmation that says who will be told before anything reaches parents, and the
// session's place in the URL (#/m/sessions/<offeringId>/…, always today's).
import { showConfirmDialog } from 'vant'
import { t } from '@/texts.js'

/** Resolves true once confirmed, false when cancelled: `if (!(await confirmedOnPhone(...))) return`. */
export async function confirmedOnPhone(message) {
  try {
    await showConfirmDialog({
      title: t('app.confirmTitle'), message, confirmButtonText: t('app.confirm'), cancelButtonText: t('app.cancel'),
      className: 'phone-confirm',
    })
    return true
  } catch {
    return false
  }
}

/** 15:30:00 → 15:30 */
export const hm = (time) => (time ? String(time).slice(0, 5) : '')

/** A list of names as Chinese writes it: 徐一诺、孙明哲 */
export const names = (children) => children.map((c) => c.name).join('、')

/** The number of guardians the API will message about a child: the guardians among those who may collect it. */
export const guardianCount = (child) => (child?.collectors ?? []).filter((c) => c.guardianId != null).length
