// A local stand-in for api.telegram.org: records our Bot API calls, answers in the Bot API's
// envelope ({ ok, result } / { ok: false, error_code, description, parameters }), serves files
// for getFile, and delivers Update objects to our webhook with the secret-token header, as
// Telegram does (https://core.telegram.org/bots/api#setwebhook).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface TelegramCall {
  method: string
  body: Record<string, unknown>
}

export interface TelegramSimulatorOptions {
  botToken?: string
  secretToken?: string
}

const ERRORS: Record<number, { description: string; parameters?: { retry_after: number } }> = {
  400: { description: 'Bad Request: chat not found' },
  403: { description: 'Forbidden: bot was blocked by the user' },
  429: { description: 'Too Many Requests: retry after 3', parameters: { retry_after: 3 } },
  500: { description: 'Internal Server Error' },
  502: { description: 'Bad Gateway' },
}

export async function startTelegramSimulator(opts: TelegramSimulatorOptions = {}) {
  const botToken = opts.botToken ?? '7000000001:AAHsimulatorTokenForTestsOnly_x1'
  const secretToken = opts.secretToken ?? 'sim-secret-token'
  const calls: TelegramCall[] = []
  const files = new Map<string, { path: string; bytes: Buffer }>()
  const failures: number[] = []
  let nextMessageId = 5000
  let nextUpdateId = 900000000

  const server = createServer(async (req, res) => {
    const raw = await readBody(req)
    const url = new URL(req.url ?? '/', 'http://sim')
    const file = url.pathname.match(/^\/file\/bot([^/]+)\/(.+)$/)
    if (file) {
      const hit = [...files.values()].find((f) => f.path === file[2])
      if (file[1] !== botToken || !hit)
        return reply(res, 404, { ok: false, error_code: 404, description: 'Not Found' })
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(hit.bytes)
      return
    }
    const api = url.pathname.match(/^\/bot([^/]+)\/(\w+)$/)
    if (!api) return reply(res, 404, { ok: false, error_code: 404, description: 'Not Found' })
    if (api[1] !== botToken)
      return reply(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' })
    const body = raw.length ? (JSON.parse(raw.toString('utf8')) as Record<string, unknown>) : {}
    calls.push({ method: api[2], body })
    const status = failures.shift()
    if (status) return reply(res, status, { ok: false, error_code: status, ...ERRORS[status] })
    if (api[2] === 'sendMessage') {
      const result = {
        message_id: nextMessageId++,
        chat: { id: body.chat_id, type: 'private' },
        date: now(),
        text: body.text,
      }
      return reply(res, 200, { ok: true, result })
    }
    if (api[2] === 'getFile') {
      const f = files.get(String(body.file_id))
      if (!f)
        return reply(res, 400, { ok: false, error_code: 400, description: 'Bad Request: invalid file_id' })
      const result = {
        file_id: body.file_id,
        file_unique_id: `u${body.file_id}`,
        file_size: f.bytes.length,
        file_path: f.path,
      }
      return reply(res, 200, { ok: true, result })
    }
    return reply(res, 200, { ok: true, result: true })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    url,
    botToken,
    secretToken,
    calls,
    /** The next n Bot API calls fail with this HTTP status (and Telegram's matching error body). */
    failNext(n: number, status: number) {
      for (let i = 0; i < n; i++) failures.push(status)
    },
    /** Make a file downloadable through getFile + /file/bot<token>/<path>. */
    addFile(fileId: string, bytes: Buffer, path = `photos/file_${files.size}.jpg`) {
      files.set(fileId, { path, bytes })
    },
    /** POST an Update to our webhook as Telegram does; fills update_id when absent. */
    async sendUpdate(
      webhookUrl: string,
      update: Record<string, unknown>,
      o: { secretToken?: string | null } = {},
    ) {
      const payload = { update_id: nextUpdateId++, ...update }
      const headers: Record<string, string> = { 'content-type': 'application/json' }
      const secret = o.secretToken === undefined ? secretToken : o.secretToken
      if (secret !== null) headers['x-telegram-bot-api-secret-token'] = secret
      const res = await fetch(webhookUrl, { method: 'POST', headers, body: JSON.stringify(payload) })
      return { status: res.status, body: await res.text(), update: payload }
    },
    /** A private text message from a citizen, shaped like a real Update. */
    textUpdate(
      from: { id: number; first_name: string; last_name?: string; username?: string },
      text: string,
    ) {
      return {
        message: {
          message_id: nextMessageId++,
          from: { is_bot: false, language_code: 'id', ...from },
          chat: { ...from, type: 'private' },
          date: now(),
          text,
        },
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections() // fetch keeps sockets alive; do not wait for them
      }),
  }
}
export type TelegramSimulator = Awaited<ReturnType<typeof startTelegramSimulator>>

function now(): number {
  return Math.floor(Date.now() / 1000)
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const c of req) chunks.push(c as Buffer)
  return Buffer.concat(chunks)
}
