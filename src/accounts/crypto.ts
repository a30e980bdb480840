// Secrets at rest and tokens. Channel credentials and TOTP secrets are encrypted with
// AES-256-GCM under a key derived from SECRET_KEY; tokens are stored only as sha256 digests.
import crypto from 'node:crypto'
import { hash, verify } from '@node-rs/argon2'

export interface Sealer {
  seal(plain: string): string
  open(sealed: string): string
}

export function createSealer(secretKey: string): Sealer {
  const key = crypto.createHash('sha256').update(`aduan:seal:${secretKey}`).digest()
  return {
    seal(plain) {
      const iv = crypto.randomBytes(12)
      const c = crypto.createCipheriv('aes-256-gcm', key, iv)
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()])
      return ['v1', iv.toString('base64url'), c.getAuthTag().toString('base64url'), body.toString('base64url')].join('.')
    },
    open(sealed) {
      const [v, iv, tag, body] = sealed.split('.')
      if (v !== 'v1' || !iv || !tag || body === undefined) throw new Error('unknown sealed format')
      const d = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
      d.setAuthTag(Buffer.from(tag, 'base64url'))
      return Buffer.concat([d.update(Buffer.from(body, 'base64url')), d.final()]).toString('utf8')
    },
  }
}

export const randomToken = (bytes = 32) => crypto.randomBytes(bytes).toString('base64url')
export const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex')

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a)
  const bb = Buffer.from(b)
  return ab.length === bb.length && crypto.timingSafeEqual(ab, bb)
}

/** argon2id with the library's defaults (m=19456 KiB, t=2, p=1: OWASP's recommendation). */
export const hashPassword = (password: string) => hash(password)

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) return false
  try {
    return await verify(stored, password)
  } catch {
    return false
  }
}

/** A valid hash to verify against when the user does not exist, so timing does not reveal it. */
let dummyHash: Promise<string> | undefined
export const dummyPasswordHash = () => (dummyHash ??= hash('aduan-dummy-password'))
