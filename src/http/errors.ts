// A few error types with stable codes, mapped by one handler to RFC 9457 problem+json with the
// message in Bahasa Indonesia and English. A 5xx is logged with its details and answered generically.
import type { FastifyError, FastifyInstance } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'

export type ErrorCode =
  | 'not_found'
  | 'forbidden'
  | 'unauthenticated'
  | 'invalid'
  | 'conflict'
  | 'rate_limited'
  | 'unavailable'
  | 'payload_too_large'
  | 'internal'

const STATUS: Record<ErrorCode, number> = {
  not_found: 404,
  forbidden: 403,
  unauthenticated: 401,
  invalid: 400,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
  payload_too_large: 413,
  internal: 500,
}

const TITLE: Record<ErrorCode, { id: string; en: string }> = {
  not_found: { id: 'Tidak ditemukan', en: 'Not found' },
  forbidden: { id: 'Akses ditolak', en: 'Forbidden' },
  unauthenticated: { id: 'Silakan masuk terlebih dahulu', en: 'Authentication required' },
  invalid: { id: 'Data tidak valid', en: 'Invalid request' },
  conflict: { id: 'Terjadi konflik', en: 'Conflict' },
  rate_limited: { id: 'Terlalu banyak permintaan', en: 'Too many requests' },
  unavailable: { id: 'Layanan sedang tidak tersedia', en: 'Service unavailable' },
  payload_too_large: { id: 'Data terlalu besar', en: 'Payload too large' },
  internal: { id: 'Terjadi kesalahan pada server', en: 'Internal server error' },
}

export interface Bilingual {
  id: string
  en: string
}

export class AppError extends Error {
  constructor(
    public code: ErrorCode,
    public detail: Bilingual = TITLE[code],
    public extra: Record<string, unknown> = {},
  ) {
    super(detail.en)
  }
  get status() {
    return STATUS[this.code]
  }
}

export const notFound = (what: Bilingual = TITLE.not_found) => new AppError('not_found', what)
export const forbidden = (why: Bilingual = { id: 'Anda tidak berwenang melakukan ini.', en: 'You may not do this.' }) =>
  new AppError('forbidden', why)
export const invalid = (why: Bilingual, extra: Record<string, unknown> = {}) => new AppError('invalid', why, extra)
export const conflict = (why: Bilingual) => new AppError('conflict', why)
export const unauthenticated = (
  why: Bilingual = { id: 'Silakan masuk terlebih dahulu.', en: 'Please sign in first.' },
) => new AppError('unauthenticated', why)

export function problem(code: ErrorCode, detail: Bilingual, instance?: string, extra: Record<string, unknown> = {}) {
  return {
    type: `https://aduan.dev/problems/${code}`,
    title: TITLE[code].en,
    status: STATUS[code],
    code,
    detail: detail.en,
    detail_id: detail.id,
    message: { id: detail.id, en: detail.en },
    ...(instance ? { instance } : {}),
    ...extra,
  }
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setNotFoundHandler((req, reply) => {
    reply
      .code(404)
      .type('application/problem+json')
      .send(problem('not_found', { id: 'Alamat tidak ditemukan.', en: 'No such route.' }, req.url))
  })

  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    let code: ErrorCode
    let detail: Bilingual
    let extra: Record<string, unknown> = {}
    if (err instanceof AppError) {
      code = err.code
      detail = err.detail
      extra = err.extra
    } else if (hasZodFastifySchemaValidationErrors(err)) {
      code = 'invalid'
      const first = err.validation[0]
      const where = first?.instancePath || ''
      detail = {
        id: `Data tidak valid${where ? ` pada ${where}` : ''}: ${first?.message ?? ''}`.trim(),
        en: `Invalid request${where ? ` at ${where}` : ''}: ${first?.message ?? ''}`.trim(),
      }
      extra = { errors: err.validation.map((v) => ({ path: v.instancePath, message: v.message })) }
    } else if ((err as FastifyError).validation) {
      code = 'invalid'
      detail = { id: `Data tidak valid: ${err.message}`, en: `Invalid request: ${err.message}` }
    } else if ((err as FastifyError).statusCode === 429) {
      code = 'rate_limited'
      detail = { id: 'Terlalu banyak percobaan. Coba lagi nanti.', en: 'Too many attempts. Try again later.' }
    } else if ((err as FastifyError).statusCode === 413 || (err as FastifyError).code === 'FST_REQ_FILE_TOO_LARGE') {
      code = 'payload_too_large'
      detail = TITLE.payload_too_large
    } else if ((err as FastifyError).statusCode && (err as FastifyError).statusCode! < 500) {
      code = (err as FastifyError).statusCode === 404 ? 'not_found' : 'invalid'
      detail = { id: `Permintaan tidak dapat diproses: ${err.message}`, en: err.message }
    } else {
      code = 'internal'
      detail = TITLE.internal
      req.log.error({ err }, 'unhandled error')
    }
    reply
      .code(STATUS[code])
      .type('application/problem+json')
      .send(problem(code, detail, req.url, extra))
  })
}
