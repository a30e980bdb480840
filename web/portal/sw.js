// The portal's service worker: pages and assets readable offline (network first for pages, cache
// first for versioned assets). Reports written offline are kept by portal.js in IndexedDB, not here.
const CACHE = 'aduan-portal-__VERSION__'
const SHELL = ['/', '/lapor', '/lacak', '/portal/portal.js?v=__VERSION__', '/manifest.webmanifest', '/portal/icon.svg', '/portal/icon-192.png']

self.addEventListener('install', (e) => {
  e.waitUntil(caches.open(CACHE).then((c) => c.addAll(SHELL)).then(() => self.skipWaiting()))
})

self.addEventListener('activate', (e) => {
  e.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('aduan-portal-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  )
})

self.addEventListener('fetch', (e) => {
  const req = e.request
  const url = new URL(req.url)
  if (req.method !== 'GET' || url.origin !== self.location.origin) return
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/admin') || url.pathname.startsWith('/lacak/')) return
  if (req.mode === 'navigate') {
    e.respondWith(
      fetch(req)
        .then((res) => {
          if (res.ok && SHELL.includes(url.pathname)) {
            const copy = res.clone()
            caches.open(CACHE).then((c) => c.put(url.pathname, copy))
          }
          return res
        })
        .catch(() => caches.match(url.pathname).then((hit) => hit || caches.match('/lapor'))),
    )
    return
  }
  if (url.pathname.startsWith('/portal/') || url.pathname === '/manifest.webmanifest') {
    e.respondWith(caches.match(req).then((hit) => hit || fetch(req)))
  }
})
