// Self-service passwords: "forgot password" and the invitation of a new colleague both e-mail a
// single-use link (notifications/links.ts, PASSWORD_LINK_PATH) through the tenant's e-mail
// account and the outbox; the link's page sets a new password. Setting it ends every session of
// the person and never signs in by itself, so a second factor (TOTP) still applies at sign-in.
// Whether an address is registered is never revealed to the one asking.
import crypto from 'node:crypto'
import { and, asc, eq } from 'drizzle-orm'
import type { Db } from '../db/connect.ts'
import { memberships, tenants } from '../db/schema/index.ts'
import { queueMessage } from '../delivery/outbox.ts'
import { accountOf } from '../notifications/channels.ts'
import { consumeLoginLink, createLoginLink, PASSWORD_LINK_PATH } from '../notifications/links.ts'
import { langOf } from '../notifications/texts.ts'
import { hashPassword } from './crypto.ts'
import { findUserByEmail, storePasswordHash } from './users.ts'

/** A reset link is for now; an invitation waits for someone who may read it days later. */
export const RESET_TTL_MINUTES = 60
export const INVITE_TTL_MINUTES = 72 * 60

export type PasswordMailKind = 'reset' | 'invite'

function mailText(kind: PasswordMailKind, lang: 'id' | 'en', name: string, link: string, tenantName: string) {
  const en = lang === 'en'
  if (kind === 'invite') {
    return {
      subject: en ? `[aduan] You are invited to ${tenantName}'s complaint desk` : `[aduan] Undangan ke aplikasi pengaduan ${tenantName}`,
      text: en
        ? `Hello ${name},\n\nYou have been given a role in ${tenantName}'s aduan staff app. Choose your password here (the link works once, for 72 hours):\n${link}\n\nThen sign in at the same address with your e-mail.`
        : `Halo ${name},\n\nAnda diberi peran di aplikasi petugas aduan ${tenantName}. Buat kata sandi Anda di sini (tautan berlaku sekali, selama 72 jam):\n${link}\n\nSetelah itu masuk di alamat yang sama dengan e-mail Anda.`,
    }
  }
  return {
    subject: en ? '[aduan] Reset your password' : '[aduan] Atur ulang kata sandi',
    text: en
      ? `Hello ${name},\n\nSomeone asked to reset the password of this account. To choose a new one, open (once, within 60 minutes):\n${link}\n\nIf it was not you, ignore this e-mail: your password stays as it is.`
      : `Halo ${name},\n\nAda permintaan atur ulang kata sandi untuk akun ini. Untuk membuat kata sandi baru, buka (sekali, dalam 60 menit):\n${link}\n\nJika bukan Anda yang meminta, abaikan e-mail ini: kata sandi Anda tidak berubah.`,
  }
}

/**
 * Queue a password e-mail to the person with this address, through the e-mail account of the given
 * tenant (or of the first of their tenants that has one). Returns false, quietly, when there is no
 * such active person or no e-mail account to send with: the caller answers the same either way.
 */
export async function sendPasswordMail(
  db: Db,
  input: { email: string; kind: PasswordMailKind; tenantId?: string; now: Date; baseUrl: string },
): Promise<boolean> {
  const user = await findUserByEmail(db, input.email)
  if (!user || user.disabled) return false
  return db.transaction(async (t) => {
    const tx = t as unknown as Db
    const ms = await tx
      .select({ tenantId: memberships.tenantId })
      .from(memberships)
      .where(input.tenantId ? and(eq(memberships.userId, user.id), eq(memberships.tenantId, input.tenantId)) : eq(memberships.userId, user.id))
      .orderBy(asc(memberships.createdAt))
    for (const { tenantId } of ms) {
      const account = await accountOf(tx, tenantId, 'email')
      if (!account) continue
      const [tenant] = await tx.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, tenantId))
      const ttlMinutes = input.kind === 'invite' ? INVITE_TTL_MINUTES : RESET_TTL_MINUTES
      const link = await createLoginLink(tx, { tenantId, userId: user.id, redirectPath: PASSWORD_LINK_PATH, now: input.now, baseUrl: input.baseUrl, ttlMinutes })
      const m = mailText(input.kind, langOf(user.locale), user.name, link, tenant?.name ?? 'Pemda')
      await queueMessage(tx, {
        tenantId,
        channelType: 'email',
        channelAccountId: account,
        reportId: null,
        userId: user.id,
        recipient: user.email,
        message: { text: m.text, subject: m.subject },
        // One e-mail per request (the token is secret and stays out of the key).
        idempotencyKey: `password:${input.kind}:${user.id}:${crypto.randomUUID()}`,
        notice: { audience: 'staff', kind: `password_${input.kind}`, userId: user.id },
      })
      return true
    }
    return false
  })
}

/** Use a password link once: the new password replaces the old and every session ends. */
export async function resetPasswordWithLink(db: Db, token: string, password: string, now: Date): Promise<boolean> {
  const passwordHash = await hashPassword(password)
  return db.transaction(async (t) => {
    const tx = t as unknown as Db
    const r = await consumeLoginLink(tx, token, now, 'password')
    if (!r.ok) return false
    await storePasswordHash(tx, r.userId, passwordHash, { clearLockout: true })
    return true
  })
}
