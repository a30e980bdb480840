// The Meta Page and Instagram adapters and the shared Meta webhook helpers.
export { messengerAdapter } from './messenger.ts'
export { instagramAdapter } from './instagram.ts'
export { facebookCommentAdapter } from './facebook-comments.ts'
export { instagramCommentAdapter } from './instagram-comments.ts'
export { metaHandshake, signMetaPayload, verifyMetaSignature } from './webhook-security.ts'
export { MediaFetchError } from './graph-client.ts'
export type { FacebookPageConfig, InstagramConfig } from './page-config.ts'
