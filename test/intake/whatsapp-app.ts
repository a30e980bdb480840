// A test app listening on a port with a tenant, an operator and a WhatsApp channel pointed at a
// Meta simulator: the setup the batch, backfill and outbox-retry tests share.
import { as, createTestApp, login, makeTenant, makeUser, type TestApp } from '../harness/app.ts'
import type { Backend } from '../harness/db.ts'
import { metaChannelConfigs, startMetaSimulator, type MetaSimulator } from '../simulators/meta.ts'

export interface WhatsAppApp {
  t: TestApp
  sim: MetaSimulator
  /** The channel's webhook URL. */
  url: string
  close(): Promise<void>
}

export async function startWhatsAppApp(backend: Backend): Promise<WhatsAppApp> {
  const t = await createTestApp(backend)
  const sim = await startMetaSimulator()
  const base = await t.app.listen({ port: 0, host: '127.0.0.1' })
  const tenant = await makeTenant(t.ctx)
  const op = await login(t.app, (await makeUser(t.ctx, tenant.id, 'operator')).email)
  const ch = await as(t.app, op)('POST', '/api/channels', { type: 'whatsapp', name: 'WA', config: metaChannelConfigs(sim.url).whatsapp })
  return {
    t,
    sim,
    url: `${base}/webhooks/whatsapp/${ch.json().id}`,
    async close() {
      await sim.close()
      await t.close()
    },
  }
}
