// The WhatsApp Cloud API adapter.
export { whatsappAdapter } from './adapter.ts'
export { MediaFetchError } from './send.ts'
export type { WhatsAppConfig } from './config.ts'
