// A small fetch helper for the settings page: same-origin cookies, the x-csrf-token header on
// writes (as api.ts sends it), problem+json errors mapped to ApiError (both languages kept).
import { ApiError, type Bilingual } from '../api.ts'
import { getLang, tr } from '../i18n.ts'

let csrf: string | null = null
export const setSettingsCsrf = (t: string | null) => {
  csrf = t
}

export async function call<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  body?: unknown,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (body !== undefined) headers['content-type'] = 'application/json'
  if (method !== 'GET' && csrf) headers['x-csrf-token'] = csrf
  let res: Response
  try {
    res = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch {
    throw new ApiError(0, 'network', {
      id: 'Tidak dapat terhubung ke server. Periksa koneksi internet Anda.',
      en: 'Cannot reach the server.',
    })
  }
  if (res.status === 204) return undefined as T
  const text = await res.text()
  let data: unknown = null
  try {
    data = text ? JSON.parse(text) : null
  } catch {
    data = null
  }
  if (!res.ok) {
    const p = (data ?? {}) as { code?: string; message?: Bilingual; detail?: string; detail_id?: string }
    const messages: Bilingual = p.message ?? {
      id: p.detail_id ?? p.detail ?? `Permintaan gagal (HTTP ${res.status}).`,
      en: p.detail ?? `Request failed (HTTP ${res.status}).`,
    }
    throw new ApiError(res.status, p.code ?? `http_${res.status}`, messages, data)
  }
  return data as T
}

/** An error in the current language; a 403 says plainly that the role may not do this. */
export function problemText(err: unknown): string {
  if (err instanceof ApiError) {
    const said = getLang() === 'en' ? err.messages.en : err.messages.id
    if (err.status === 403)
      return `${tr('Akses ditolak: peran Anda tidak berwenang untuk bagian ini.', 'Access denied: your role may not use this part.')} ${said}`.trim()
    return said
  }
  return tr('Terjadi kesalahan. Coba lagi.', 'Something went wrong. Please try again.')
}
