// Configuration of a Facebook Page or Instagram professional account channel (decrypted).
// Both are reached with a Page access token through the Graph API ("Instagram API with
// Facebook Login"): https://developers.facebook.com/docs/instagram-platform/overview
import { z } from 'zod'
import { graphBaseUrl, graphVersion } from './graph-config.ts'

const numericId = (what: string) => z.string().regex(/^\d+$/, `${what} is the numeric id Meta shows`)

const common = {
  /** A Page access token with pages_messaging (and instagram_manage_messages / _comments for Instagram). */
  pageAccessToken: z.string().min(1),
  /** The Meta app's secret: webhooks are signed with it. */
  appSecret: z.string().min(1),
  /** The token we chose when subscribing the callback URL (the GET handshake checks it). */
  verifyToken: z.string().min(1),
  apiBaseUrl: graphBaseUrl,
  apiVersion: graphVersion,
}

export const facebookPageConfigSchema = z.object({ pageId: numericId('pageId'), ...common })

export const instagramConfigSchema = z.object({
  /** The Instagram professional account's id (the entry.id of its webhooks). */
  igUserId: numericId('igUserId'),
  /** The Facebook Page linked to it, for reference. */
  pageId: numericId('pageId').optional(),
  ...common,
})

export type FacebookPageConfig = z.infer<typeof facebookPageConfigSchema>
export type InstagramConfig = z.infer<typeof instagramConfigSchema>
/** What the shared Page/Instagram code reads from either config. */
export type MetaPageConfig = FacebookPageConfig | InstagramConfig

export const META_PAGE_SECRET_KEYS = ['pageAccessToken', 'appSecret', 'verifyToken'] as const
