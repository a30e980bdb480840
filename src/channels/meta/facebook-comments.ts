// Comments on the Pemda's Facebook Page posts, for an account subscribed to the `feed` field only.
// Public events (threadId = the post); answered publicly under the comment and privately once.
// Feed webhook:    https://developers.facebook.com/docs/graph-api/webhooks/reference/page/#feed
// Reply publicly:  https://developers.facebook.com/docs/graph-api/reference/object/comments#publish
// Private replies: https://developers.facebook.com/docs/messenger-platform/discovery/private-replies
import { createMetaPageAdapter } from './page-adapter.ts'
import { facebookPageConfigSchema } from './page-config.ts'

export const facebookCommentAdapter = createMetaPageAdapter({
  type: 'facebook_comment',
  platform: 'facebook',
  schema: facebookPageConfigSchema,
  messaging: false,
  comments: true,
  maxMessageLength: 2000,
  maxCommentLength: 8000,
})
