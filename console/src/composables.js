import { ref } from 'vue'

/**
 * A page's data from the API: `data`, `loading`, and `error` holding the API's refusal (shown by <ProblemAlert>).
 * `load()` runs the fetch again, e.g. after a filter changed.
 */
export function useLoad(fetcher, initial = null) {
  const data = ref(initial)
  const loading = ref(false)
  const error = ref(null)
  async function load(...args) {
    loading.value = true
    error.value = null
    try {
      data.value = await fetcher(...args)
    } catch (e) {
      error.value = e
      data.value = initial
    } finally {
      loading.value = false
    }
  }
  return { data, loading, error, load }
}

/** Today as the API's dates are written (yyyy-MM-dd), in the browser's time zone, which is the school's. */
export function today() {
  const d = new Date()
  const pad = (n) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** A LocalDateTime of the API (2026-09-01T18:00:00.123) as staff read it: 2026-09-01 18:00. */
export function when(value) {
  return value ? String(value).replace('T', ' ').slice(0, 16) : ''
}
