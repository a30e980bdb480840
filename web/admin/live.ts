// Live updates: ONE EventSource per tab (GET /api/live), shared by every component through
// useLive(). The browser reconnects by itself (the server sends retry: 3000); if the stream is
// closed for good (e.g. the session expired), we retry with a growing delay, never in a loop.
// Notices carry ids only: each page reloads just the item that changed.
import { useEffect, useRef, useState } from 'react'

export interface LiveNotice {
  kind: 'report' | 'message'
  reportId: string | null
  conversationId: string | null
  types: string[]
}

type Listener = (n: LiveNotice) => void
type Status = 'connecting' | 'open' | 'closed'

const listeners = new Set<Listener>()
const statusListeners = new Set<(s: Status) => void>()
let source: EventSource | null = null
let status: Status = 'closed'
let retryMs = 2000
let retryTimer: ReturnType<typeof setTimeout> | undefined

function setStatus(s: Status) {
  status = s
  for (const l of statusListeners) l(s)
}

function connect() {
  if (source || typeof EventSource === 'undefined') return
  setStatus('connecting')
  const es = new EventSource('/api/live')
  source = es
  const deliver = (e: MessageEvent<string>) => {
    let n: LiveNotice
    try {
      n = JSON.parse(e.data) as LiveNotice
    } catch {
      return
    }
    for (const l of listeners) l(n)
  }
  es.addEventListener('report', deliver as EventListener)
  es.addEventListener('message', deliver as EventListener)
  es.onopen = () => {
    retryMs = 2000
    setStatus('open')
  }
  es.onerror = () => {
    if (es.readyState === EventSource.CLOSED) {
      // The browser gave up (e.g. 401): try again later, slower each time, while someone listens.
      es.close()
      source = null
      setStatus('closed')
      clearTimeout(retryTimer)
      retryTimer = setTimeout(() => listeners.size > 0 && connect(), retryMs)
      retryMs = Math.min(retryMs * 2, 60_000)
    } else setStatus('connecting')
  }
}

/** Close the stream (on logout). */
export function disconnectLive() {
  clearTimeout(retryTimer)
  source?.close()
  source = null
  setStatus('closed')
}

/** Calls onNotice for every live notice while the component is mounted. */
export function useLive(onNotice: Listener) {
  const ref = useRef(onNotice)
  ref.current = onNotice
  useEffect(() => {
    const l: Listener = (n) => ref.current(n)
    listeners.add(l)
    connect()
    return () => {
      listeners.delete(l)
    }
  }, [])
}

/** The stream's state, for a small "Langsung" indicator. */
export function useLiveStatus(): Status {
  const [s, setS] = useState(status)
  useEffect(() => {
    statusListeners.add(setS)
    connect()
    return () => {
      statusListeners.delete(setS)
    }
  }, [])
  return s
}
