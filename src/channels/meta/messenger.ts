// Facebook Messenger adapter: direct messages to the Pemda's Page, plus comments on its posts
// (Meta delivers both to the Page's one callback URL; comments come out as facebook_comment).
// Webhooks: https://developers.facebook.com/docs/messenger-platform/webhooks
// Events:   https://developers.facebook.com/docs/messenger-platform/reference/webhook-events
// Send API: https://developers.facebook.com/docs/messenger-platform/reference/send-api
// Window:   https://developers.facebook.com/docs/messenger-platform/policy/policy-overview#24hours_window
import { createMetaPageAdapter } from './page-adapter.ts'
import { facebookPageConfigSchema } from './page-config.ts'

export const messengerAdapter = createMetaPageAdapter({
  type: 'messenger',
  platform: 'facebook',
  schema: facebookPageConfigSchema,
  messaging: true,
  comments: true,
  maxMessageLength: 2000,
  maxCommentLength: 8000,
})
