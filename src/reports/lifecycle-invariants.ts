// What must hold of every report state the lifecycle produces. The decider checks it after every
// decision (a violation is a bug, thrown); the property tests drive it with random commands;
// the data layer may call it on states it loads.
import { isOpen, isUnpublished } from './lifecycle-core.ts'
import type { LifecycleSettings, ReportState } from './lifecycle-types.ts'

/** The broken rules, in English (for developers); empty when the state is legal. */
export function checkInvariants(
  s: ReportState,
  settings?: Pick<LifecycleSettings, 'sla' | 'integrityAgencyIds'>,
): string[] {
  const broken: string[] = []
  const check = (ok: boolean, rule: string) => {
    if (!ok) broken.push(rule)
  }
  const open = s.dispositions.filter(isOpen)
  const answered = s.dispositions.filter((d) => d.status === 'answered')
  const unpublished = s.responses.filter(isUnpublished)
  const openPauses = s.pauses.filter((p) => p.to === null)
  const ids = s.dispositions.map((d) => d.id)

  check(new Set(ids).size === ids.length, 'disposition ids are unique')
  check(new Set(s.responses.map((r) => r.id)).size === s.responses.length, 'follow-up ids are unique')
  check(
    new Set(open.map((d) => d.agencyId)).size === open.length,
    'an agency holds at most one open disposition',
  )
  for (const r of s.responses) {
    const d = s.dispositions.find((x) => x.id === r.dispositionId)
    check(!!d && d.agencyId === r.agencyId, 'every follow-up belongs to a disposition of its agency')
    if (d && isUnpublished(r))
      check(
        d.status === 'in_progress',
        'an unpublished follow-up only exists while its disposition is in progress',
      )
  }
  for (const d of s.dispositions) {
    const unpub = unpublished.filter((r) => r.dispositionId === d.id)
    check(unpub.length <= 1, 'a disposition has at most one unpublished follow-up')
    if (d.status === 'answered') {
      check(
        s.responses.some((r) => r.dispositionId === d.id && r.status === 'published'),
        'an answered disposition has a published follow-up',
      )
    }
  }
  check(
    openPauses.length === (s.status === 'needs_info' ? 1 : 0),
    "the clock is paused exactly while 'needs_info'",
  )
  check(
    s.pauses.every((p) => p.to === null || +p.to >= +p.from),
    'pauses end after they start',
  )
  check(
    (s.resumeStatus !== null) === (s.status === 'needs_info'),
    "'needs_info' knows where it resumes, nothing else does",
  )
  check((s.masterReportId !== null) === (s.status === 'merged'), "a master report exactly when 'merged'")
  check(s.masterReportId !== s.id, 'a report is not its own master')
  check((s.closedAt !== null) === (s.status === 'closed'), "closedAt is set exactly when 'closed'")
  check(s.status !== 'answered' || s.answeredAt !== null, "'answered' has answeredAt")
  check((s.archiveReason !== null) === (s.status === 'archived'), "an archive reason exactly when 'archived'")
  check(s.reopenCount >= 0, 'reopen count is not negative')
  if (settings) check(s.reopenCount <= settings.sla.maxReopens, 'reopened at most maxReopens times')
  check(s.rating === null || (s.rating >= 1 && s.rating <= 5), 'a rating is 1..5')

  const verified = s.verifiedAt !== null
  switch (s.status) {
    case 'received':
      check(s.dispositions.length === 0 && !verified, "'received' is unverified and undispatched")
      break
    case 'needs_info':
      check(
        s.resumeStatus !== 'received' || s.dispositions.length === 0,
        'deferred before dispatch has no dispositions',
      )
      check(open.length === 0, "'needs_info' has no open disposition")
      break
    case 'dispatched':
      check(verified && open.length >= 1, "'dispatched' is verified with an open disposition")
      check(
        open.every((d) => d.status === 'pending') && answered.length === 0,
        "in 'dispatched' no agency has started",
      )
      break
    case 'in_progress':
      check(verified && open.length >= 1, "'in_progress' is verified with an open disposition")
      check(
        s.dispositions.some((d) => d.status === 'in_progress' || d.status === 'answered'),
        "in 'in_progress' an agency started",
      )
      break
    case 'reopened':
      check(
        verified && s.dispositions.length >= 1 && s.reopenCount >= 1,
        "'reopened' was dispatched and reopened",
      )
      break
    case 'returned':
      check(verified && s.dispositions.length >= 1, "'returned' was dispatched")
      check(open.length === 0 && answered.length === 0, "'returned' has no open or answered disposition")
      break
    case 'answered':
      check(
        open.length === 0 && answered.length >= 1,
        "'answered': no open disposition, at least one answered",
      )
      check(unpublished.length === 0, "'answered' has no unpublished follow-up")
      break
    case 'closed':
    case 'archived':
    case 'merged':
      check(open.length === 0 && unpublished.length === 0, `'${s.status}' has no work in flight`)
      if (s.status === 'closed')
        check(verified && s.dispositions.length >= 1, "'closed' was verified and dispatched")
      break
  }
  if (s.whistleblowing && settings) {
    const integrity = settings.integrityAgencyIds
    check(
      open.every((d) => integrity.includes(d.agencyId)),
      'a report about officials is held only by the Inspektorat path',
    )
  }
  return broken
}
