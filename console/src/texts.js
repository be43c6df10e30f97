// Every text staff read comes from the templates module (zh-CN/console.json), like the bot's and the API's texts.
import texts from '@texts/console.json'

/** The text at a dotted key, with {name} placeholders filled; a missing key shows itself, so a test or a look finds it. */
export function t(key, params = {}) {
  const text = key.split('.').reduce((node, part) => (node == null ? undefined : node[part]), texts)
  if (typeof text !== 'string') {
    return key
  }
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole))
}

/** The label of an enum value (an application state, a role…), or the value itself when the texts have none. */
export function label(group, value) {
  if (value == null) {
    return ''
  }
  const text = texts[group]?.[value]
  return typeof text === 'string' ? text : String(value)
}

/** The labels of a group as options for a select: [{ value, label }]. */
export function options(group) {
  return Object.entries(texts[group] ?? {}).map(([value, text]) => ({ value, label: text }))
}
