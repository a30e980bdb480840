import { describe, expect, it } from 'vitest'
import { REPORT_STATUSES, REPORT_STATUS_LABELS } from './model.ts'

describe('report vocabulary', () => {
  it('labels every status in Indonesian and English', () => {
    for (const s of REPORT_STATUSES) {
      expect(REPORT_STATUS_LABELS[s].id.length).toBeGreaterThan(0)
      expect(REPORT_STATUS_LABELS[s].en.length).toBeGreaterThan(0)
    }
  })
})
