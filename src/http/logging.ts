// Structured logs with no personal data or secrets: no query strings (private tracking links
// carry a secret), no headers beyond a few safe ones, no bodies.
import type { FastifyServerOptions } from 'fastify'

export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'password', '*.password', '*.token', '*.secret'],
      censor: '[redacted]',
    },
    serializers: {
      req(req: { method: string; url: string; id: string; headers?: Record<string, unknown> }) {
        return { id: req.id, method: req.method, path: req.url.split('?')[0] }
      },
      res(res: { statusCode: number }) {
        return { statusCode: res.statusCode }
      },
    },
  }
}
