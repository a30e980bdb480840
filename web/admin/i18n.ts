// The admin app's language: Bahasa Indonesia first, English switchable (kept in localStorage).
// Every visible string is written as tr('Indonesian', 'English'); the shell re-renders on a switch.
import { useEffect, useState } from 'react'

export type Lang = 'id' | 'en'
const KEY = 'aduan.lang'
const listeners = new Set<() => void>()

function initial(): Lang {
  try {
    return globalThis.localStorage?.getItem(KEY) === 'en' ? 'en' : 'id'
  } catch {
    return 'id'
  }
}

let lang: Lang = initial()
if (typeof document !== 'undefined') document.documentElement.lang = lang

export const getLang = (): Lang => lang

/** Whether this browser holds an explicit choice (made with the switch, here or on the sign-in page). */
export function hasLangChoice(): boolean {
  try {
    return globalThis.localStorage?.getItem(KEY) != null
  } catch {
    return false
  }
}

export function setLang(next: Lang) {
  lang = next
  try {
    globalThis.localStorage?.setItem(KEY, next)
  } catch {
    /* private mode: the choice lasts for this page only */
  }
  if (typeof document !== 'undefined') document.documentElement.lang = next
  for (const f of listeners) f()
}

/** The text in the current language. */
export const tr = (id: string, en: string): string => (lang === 'en' ? en : id)

/** Re-renders the caller when the language changes; the app shell uses it so every page follows. */
export function useLang(): Lang {
  const [, setTick] = useState(0)
  useEffect(() => {
    const on = () => setTick((t) => t + 1)
    listeners.add(on)
    return () => void listeners.delete(on)
  }, [])
  return lang
}
