// Instagram messaging adapter: DMs to the Pemda's Instagram professional account, plus comments
// on its media (one callback URL per app for object `instagram`; comments come out as
// instagram_comment).
// Webhooks: https://developers.facebook.com/docs/instagram-platform/webhooks
// Examples: https://developers.facebook.com/docs/instagram-platform/webhooks/examples
// Send API: https://developers.facebook.com/docs/instagram-platform/instagram-api-with-facebook-login/messaging-api
import { createMetaPageAdapter } from './page-adapter.ts'
import { instagramConfigSchema } from './page-config.ts'

export const instagramAdapter = createMetaPageAdapter({
  type: 'instagram',
  platform: 'instagram',
  schema: instagramConfigSchema,
  messaging: true,
  comments: true,
  maxMessageLength: 1000,
  maxCommentLength: 2200,
})
