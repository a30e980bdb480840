// A tiny history router for /admin/...: enough for a handful of pages, no dependency.
import { useEffect, useState, type MouseEvent } from 'react'

export const BASE = '/admin'

export function navigate(to: string, replace = false) {
  const url = to.startsWith(BASE) ? to : BASE + to
  if (replace) history.replaceState(null, '', url)
  else history.pushState(null, '', url)
  window.dispatchEvent(new PopStateEvent('popstate'))
}

export function usePath(): string {
  const read = () => {
    const p = location.pathname.startsWith(BASE) ? location.pathname.slice(BASE.length) : location.pathname
    return p === '' ? '/' : p
  }
  const [path, setPath] = useState(read)
  useEffect(() => {
    const on = () => setPath(read())
    window.addEventListener('popstate', on)
    return () => window.removeEventListener('popstate', on)
  }, [])
  return path
}

/** An in-app link: a real <a href> (keyboard, middle-click) that navigates without a reload. */
export function onLinkClick(e: MouseEvent<HTMLAnchorElement>) {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return
  e.preventDefault()
  navigate(e.currentTarget.getAttribute('href')!)
}
