// A lean fetch for the outbox's provider calls: node:http(s) with keep-alive agents, for the
// plain requests every adapter's send makes (a string or no body). Global fetch (undici) costs
// about 0.6 ms of CPU per call here, which at thousands of acknowledgements a second was the
// outbox's largest cost. Anything else (FormData, streams, blobs) goes to global fetch unchanged.
// The answer is a standard Response (its body already buffered: bufferedResponse), so adapters
// read it exactly as before.
import http from 'node:http'
import https from 'node:https'

const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 64 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 64 }),
}

function plainHeaders(h: HeadersInit | undefined): Record<string, string> | null {
  if (!h) return {}
  if (h instanceof Headers) return Object.fromEntries(h.entries())
  if (Array.isArray(h)) return Object.fromEntries(h)
  return h as Record<string, string>
}

/**
 * A standard Response whose body is already in memory: built without a body (undici's body
 * stream, and reading it back through web streams, cost more than the request itself), with
 * text(), json() and arrayBuffer() answering from the buffer, once, as a Response does. `body`
 * (the stream) is null: adapters read the answer through those three methods.
 */
function bufferedResponse(buf: Buffer | null, init: ResponseInit): Response {
  const res = new Response(null, init)
  let used = false
  const take = async () => {
    if (used) throw new TypeError('Body is unusable: Body has already been read')
    used = true
    return buf ?? Buffer.alloc(0)
  }
  Object.defineProperties(res, {
    bodyUsed: { get: () => used },
    text: { value: async () => (await take()).toString('utf8') },
    json: { value: async () => JSON.parse((await take()).toString('utf8')) as unknown },
    arrayBuffer: {
      value: async () => {
        const b = await take()
        return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)
      },
    },
  })
  return res
}

export const leanFetch: typeof fetch = async (input, init) => {
  const url = typeof input === 'string' ? new URL(input) : input instanceof URL ? input : null
  const body = init?.body
  const headers = plainHeaders(init?.headers)
  if (!url || (body != null && typeof body !== 'string') || !headers || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    return fetch(input, init)
  }
  const signal = init?.signal ?? undefined
  signal?.throwIfAborted()
  return new Promise<Response>((resolve, reject) => {
    const mod = url.protocol === 'https:' ? https : http
    const req = mod.request(
      url,
      {
        method: init?.method ?? 'GET',
        agent: agents[url.protocol as 'http:' | 'https:'],
        headers: body != null ? { ...headers, 'content-length': String(Buffer.byteLength(body)) } : headers,
        signal,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('error', reject)
        res.on('end', () => {
          const status = res.statusCode ?? 0
          const h = new Headers()
          for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) for (const one of [v].flat()) h.append(k, one)
          const nullBody = status === 204 || status === 205 || status === 304
          resolve(bufferedResponse(nullBody ? null : Buffer.concat(chunks), { status, statusText: res.statusMessage, headers: h }))
        })
      },
    )
    // As fetch: an abort rejects with the signal's reason (a TimeoutError), anything else is 'fetch failed'.
    req.on('error', (err) => reject(signal?.aborted ? signal.reason : new TypeError('fetch failed', { cause: err })))
    req.end(body ?? undefined)
  })
}
