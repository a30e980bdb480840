import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../src/config.ts'

describe('configuration', () => {
  it('has working defaults', () => {
    const c = loadConfig({})
    expect(c.PORT).toBe(3000)
    expect(c.HOST).toBe('0.0.0.0')
    expect(c.embedded).toBe(true)
    expect(c.BASE_URL).toBe('http://localhost:3000')
  })
  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['SECRET_KEY', 'short'],
    ['LOG_LEVEL', 'loud'],
    ['BASE_URL', 'not a url'],
    ['ADUAN_DEMO_PASSWORD', 'short'],
  ])('a bad %s stops start-up with one sentence naming it', (name, value) => {
    let err: unknown
    try {
      loadConfig({ [name]: value })
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(ConfigError)
    const msg = (err as Error).message
    expect(msg).toContain(name)
    expect(msg.split('\n')).toHaveLength(1)
    if (name === 'SECRET_KEY' || name === 'ADUAN_DEMO_PASSWORD') expect(msg).not.toContain(value)
  })
})
