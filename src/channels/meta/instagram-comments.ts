// Comments on the Pemda's Instagram media, for an account subscribed to `comments` only.
// Public events (threadId = the media); answered publicly under the comment and privately once.
// Comments webhook: https://developers.facebook.com/docs/instagram-platform/webhooks/examples
// Reply publicly:   https://developers.facebook.com/docs/instagram-platform/comment-moderation
// Private replies:  https://developers.facebook.com/docs/instagram-platform/private-replies
import { createMetaPageAdapter } from './page-adapter.ts'
import { instagramConfigSchema } from './page-config.ts'

export const instagramCommentAdapter = createMetaPageAdapter({
  type: 'instagram_comment',
  platform: 'instagram',
  schema: instagramConfigSchema,
  messaging: false,
  comments: true,
  maxMessageLength: 1000,
  maxCommentLength: 2200,
})
