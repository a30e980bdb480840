// Media of inbound messages: the inbound job enqueues one 'media-fetch' job per attachment (in
// its transaction); the job downloads the bytes through the channel's adapter (WhatsApp media id,
// Telegram file_id, a Messenger/X URL, an e-mail's own content), stores them with a
// metadata-free public copy (src/media/store.ts) and records the attachment on the message and
// its report. Idempotent: the attachment's id is derived from (message, index).
import crypto from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import type { NormalisedAttachment } from '../channels/contract.ts'
import { loadChannelConfig } from '../channels/accounts.ts'
import { getAdapter } from '../channels/registry.ts'
import type { AppContext } from '../context.ts'
import type { Db } from '../db/connect.ts'
import { attachments, messages } from '../db/schema/index.ts'
import { enqueue, PRIORITY, type Job } from '../jobs/queue.ts'
import { storeMedia } from '../media/store.ts'

export const MEDIA_QUEUE = 'media-fetch'

const STORED_KINDS = new Set(['image', 'video', 'audio', 'voice', 'document', 'other'])

/** A stable uuid for attachment `index` of `messageId` (so a retried job inserts nothing twice). */
export function attachmentId(messageId: string, index: number): string {
  const h = crypto.createHash('sha256').update(`${messageId}:${index}`).digest('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`
}

export async function enqueueMediaFetches(
  tx: Db,
  args: { tenantId: string; messageId: string; channelAccountId: string; channelType: string; attachments: readonly NormalisedAttachment[] },
): Promise<void> {
  for (const [index, attachment] of args.attachments.entries()) {
    if (!STORED_KINDS.has(attachment.kind)) continue // stickers: nothing worth keeping
    if (!attachment.providerMediaId && !attachment.url && attachment.contentBase64 === undefined) continue
    await enqueue(tx, {
      queue: MEDIA_QUEUE,
      tenantId: args.tenantId,
      priority: PRIORITY.normal,
      singletonKey: `media:${args.messageId}:${index}`,
      maxAttempts: 6,
      payload: { messageId: args.messageId, channelAccountId: args.channelAccountId, channelType: args.channelType, index, attachment },
    })
  }
}

export function mediaFetchHandler(ctx: AppContext) {
  return async (job: Job) => {
    const tenantId = job.tenantId!
    const { messageId, channelAccountId, channelType, index } = job.payload as { messageId: string; channelAccountId: string; channelType: string; index: number }
    const att = job.payload.attachment as NormalisedAttachment
    const id = attachmentId(messageId, index)
    const [existing] = await ctx.db
      .select({ id: attachments.id })
      .from(attachments)
      .where(and(eq(attachments.tenantId, tenantId), eq(attachments.id, id)))
    if (existing) return
    const adapter = getAdapter(channelType)
    const config = await loadChannelConfig(ctx, tenantId, channelAccountId)
    if (!adapter?.fetchMedia || !config) return // nothing can fetch it: the message keeps its descriptor
    let fetched: Awaited<ReturnType<NonNullable<typeof adapter.fetchMedia>>>
    try {
      fetched = await adapter.fetchMedia(att, { config: adapter.parseConfig(config) })
    } catch (err) {
      // A permanent refusal (expired media id, no content): retrying cannot help.
      if ((err as { retryable?: boolean }).retryable === false) {
        ctx.log.warn({ queue: MEDIA_QUEUE, messageId, index, err: (err as Error).message }, 'media not fetchable')
        return
      }
      throw err
    }
    const stored = await storeMedia(ctx.config.DATA_DIR, tenantId, { bytes: fetched.bytes, mimeType: fetched.mimeType })
    const [msg] = await ctx.db
      .select({ reportId: messages.reportId })
      .from(messages)
      .where(and(eq(messages.tenantId, tenantId), eq(messages.id, messageId)))
    await ctx.db
      .insert(attachments)
      .values({
        tenantId,
        id,
        messageId,
        reportId: msg?.reportId ?? null,
        kind: att.kind === 'sticker' ? 'other' : att.kind,
        mimeType: stored.mimeType,
        size: stored.size,
        sha256: stored.sha256,
        fileName: fetched.fileName ?? att.fileName ?? null,
        storageKey: stored.storageKey,
        publicStorageKey: stored.publicStorageKey,
        createdAt: ctx.clock.now(),
      })
      .onConflictDoNothing()
  }
}
