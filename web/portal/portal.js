// The portal's only script (no framework). The pages work without it; it adds:
// the service worker (installable, pages readable offline), and a report written offline kept
// in IndexedDB and sent when the connection returns (on any portal page).
;(function () {
  'use strict'
  var en = document.documentElement.lang === 'en'
  var T = en
    ? { saved: 'You are offline. The report is kept on this device and will be sent when you are back online.', sent: 'The report you wrote offline has been sent. Tracking code:', open: 'Open', failed: 'The saved report was refused:' }
    : { saved: 'Anda sedang luring. Laporan disimpan di perangkat ini dan akan dikirim otomatis saat tersambung kembali.', sent: 'Laporan yang Anda tulis saat luring sudah terkirim. Kode pelacakan:', open: 'Buka', failed: 'Laporan tersimpan ditolak:' }

  // After load, so installing it (which fetches the offline copies) never competes with the page.
  if ('serviceWorker' in navigator)
    window.addEventListener('load', function () { navigator.serviceWorker.register('/sw.js').catch(function () {}) })

  function db() {
    return new Promise(function (ok, ko) {
      var r = indexedDB.open('aduan-portal', 1)
      r.onupgradeneeded = function () { r.result.createObjectStore('outbox', { keyPath: 'id', autoIncrement: true }) }
      r.onsuccess = function () { ok(r.result) }
      r.onerror = function () { ko(r.error) }
    })
  }
  function store(mode, fn) {
    return db().then(function (d) {
      return new Promise(function (ok, ko) {
        var tx = d.transaction('outbox', mode)
        var res = fn(tx.objectStore('outbox'))
        tx.oncomplete = function () { ok(res && res.result) }
        tx.onerror = function () { ko(tx.error) }
      })
    })
  }

  function notice(text, link, kind) {
    var el = document.getElementById('offline-status')
    if (!el) {
      el = document.createElement('div')
      el.id = 'offline-status'
      el.setAttribute('role', 'status')
      var main = document.querySelector('main')
      main.insertBefore(el, main.firstChild)
    }
    el.className = 'notice' + (kind ? ' ' + kind : '')
    el.textContent = text + ' '
    if (link) {
      var a = document.createElement('a')
      a.href = link.href
      a.textContent = link.text
      a.className = 'offline-sent-link'
      el.appendChild(a)
    }
    el.hidden = false
    if (kind) el.scrollIntoView({ block: 'center' })
  }

  function remember(code, url) {
    var list = JSON.parse(localStorage.getItem('aduan.sent') || '[]')
    list.unshift({ code: code, url: url, at: new Date().toISOString() })
    localStorage.setItem('aduan.sent', JSON.stringify(list.slice(0, 20)))
    showSent()
  }
  function showSent() {
    var box = document.getElementById('saved-reports')
    var list = JSON.parse(localStorage.getItem('aduan.sent') || '[]')
    if (!box || list.length === 0) return
    var ul = box.querySelector('ul')
    ul.textContent = ''
    list.forEach(function (r) {
      var li = document.createElement('li')
      li.className = 'card'
      var a = document.createElement('a')
      a.href = r.url
      a.textContent = r.code
      li.appendChild(a)
      ul.appendChild(li)
    })
    box.hidden = false
  }

  var flushing = false
  function flush() {
    if (flushing || !navigator.onLine || !window.indexedDB) return
    flushing = true
    store('readonly', function (s) { return s.getAll() })
      .then(function (items) {
        return items.reduce(function (p, item) {
          return p.then(function () { return send(item) })
        }, Promise.resolve())
      })
      .catch(function () {})
      .then(function () { flushing = false })
  }
  function send(item) {
    var fd = new FormData()
    item.fields.forEach(function (kv) { fd.append(kv[0], kv[1]) })
    item.files.forEach(function (f) { fd.append('photos', f.blob, f.name) })
    return fetch('/lapor', { method: 'POST', body: fd, headers: { accept: 'application/json' } }).then(function (res) {
      return res.json().catch(function () { return {} }).then(function (body) {
        if (res.ok) {
          remember(body.trackingCode, body.privateUrl)
          notice(T.sent + ' ' + body.trackingCode + '.', { href: body.privateUrl, text: T.open }, 'ok')
        } else if (res.status >= 500 || res.status === 429) {
          throw new Error('retry later')
        } else {
          notice(T.failed + ' ' + ((body.message && body.message[en ? 'en' : 'id']) || res.status), null, 'error')
        }
        return store('readwrite', function (s) { return s.delete(item.id) })
      })
    })
  }

  var form = document.getElementById('report-form')
  if (form) {
    form.addEventListener('submit', function (ev) {
      if (navigator.onLine || !window.indexedDB) return // online: the normal form post
      ev.preventDefault()
      var fd = new FormData(form)
      var fields = []
      var files = []
      fd.forEach(function (v, k) {
        if (typeof v === 'string') fields.push([k, v])
        else if (v && v.size) files.push({ name: v.name, type: v.type, blob: v })
      })
      store('readwrite', function (s) { return s.add({ fields: fields, files: files, at: Date.now() }) }).then(function () {
        form.reset()
        notice(T.saved)
      })
    })
    var photos = document.getElementById('photos')
    if (photos) photos.addEventListener('change', function () {
      var max = Number(photos.getAttribute('data-max') || 3)
      photos.setCustomValidity(photos.files.length > max ? (en ? 'At most ' : 'Paling banyak ') + max : '')
    })
  }
  var current = document.querySelector('nav.tabs [aria-current]')
  if (current && current.scrollIntoView) current.scrollIntoView({ block: 'nearest', inline: 'nearest' })
  showSent()
  window.addEventListener('online', flush)
  flush()
})()
