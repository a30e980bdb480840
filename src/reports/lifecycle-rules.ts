// Who may take which transition from which status: the table the decider enforces and the docs
// and the UI show. Labels are Bahasa Indonesia first, English beside.
import type { Label, ReportStatus, Role } from './model.ts'
import type { ActorKey, CommandType } from './lifecycle-types.ts'
import { ARCHIVE_REASONS } from './lifecycle-types.ts'

export interface CommandRule {
  /** Roles (or the reporter / the scheduler) that may take it; everyone else gets 'forbidden'. */
  actors: readonly ActorKey[]
  /** Statuses it may be taken from; elsewhere it is an 'invalid_transition'. */
  from: readonly ReportStatus[]
  /** Agency roles act only on dispositions of their own agencies. */
  ownAgencyOnly?: boolean
  label: Label
}

const STAFF: readonly Role[] = ['super_admin', 'operator']
const AGENCY: readonly Role[] = ['agency_admin', 'agency_head']
const WORKING: readonly ReportStatus[] = ['dispatched', 'in_progress', 'reopened']
const ACTIVE: readonly ReportStatus[] = ['in_progress', 'reopened']
const NOT_MERGED: readonly ReportStatus[] = [
  'received',
  'needs_info',
  'archived',
  'dispatched',
  'in_progress',
  'returned',
  'answered',
  'reopened',
  'closed',
]
const CLOCKED: readonly ReportStatus[] = ['received', 'dispatched', 'in_progress', 'returned', 'reopened']

export const COMMAND_RULES: Readonly<Record<CommandType, CommandRule>> = {
  request_info: {
    actors: STAFF,
    from: ['received', 'returned'],
    label: { id: 'Tunda: minta keterangan pelapor', en: 'Defer: ask the reporter for details' },
  },
  provide_info: {
    actors: ['reporter', ...STAFF],
    from: ['needs_info'],
    label: { id: 'Lengkapi keterangan', en: 'Provide the details' },
  },
  reporter_reply: {
    actors: ['reporter'],
    from: ['received', 'dispatched', 'in_progress', 'returned', 'answered', 'reopened', 'closed'],
    label: { id: 'Balasan pelapor', en: 'Reporter replies' },
  },
  archive: {
    actors: STAFF,
    from: ['received', 'needs_info', 'returned'],
    label: { id: 'Arsipkan', en: 'Archive' },
  },
  reject_not_pemda_authority: {
    actors: STAFF,
    from: ['received', 'needs_info', 'returned'],
    label: { id: 'Bukan wewenang Pemda', en: 'Not the local government’s authority' },
  },
  verify_and_dispatch: {
    actors: STAFF,
    from: ['received', 'returned'],
    label: { id: 'Verifikasi & disposisi', en: 'Verify and dispatch' },
  },
  add_disposition: {
    actors: STAFF,
    from: [...WORKING, 'returned'],
    label: { id: 'Tambah disposisi', en: 'Add a disposition' },
  },
  cancel_disposition: {
    actors: STAFF,
    from: WORKING,
    label: { id: 'Batalkan disposisi', en: 'Cancel a disposition' },
  },
  accept: {
    actors: AGENCY,
    from: WORKING,
    ownAgencyOnly: true,
    label: { id: 'Terima disposisi', en: 'Accept the disposition' },
  },
  return_not_authority: {
    actors: AGENCY,
    from: WORKING,
    ownAgencyOnly: true,
    label: { id: 'Kembalikan: bukan kewenangan', en: 'Return: not our authority' },
  },
  assign: {
    actors: AGENCY,
    from: WORKING,
    ownAgencyOnly: true,
    label: { id: 'Tugaskan petugas', en: 'Assign to a person' },
  },
  draft_response: {
    actors: AGENCY,
    from: ACTIVE,
    ownAgencyOnly: true,
    label: { id: 'Tulis tindak lanjut', en: 'Draft the follow-up' },
  },
  submit_response: {
    actors: AGENCY,
    from: ACTIVE,
    ownAgencyOnly: true,
    label: { id: 'Ajukan untuk disetujui', en: 'Submit for approval' },
  },
  approve_response: {
    actors: ['agency_head'],
    from: ACTIVE,
    ownAgencyOnly: true,
    label: { id: 'Setujui & terbitkan', en: 'Approve and publish' },
  },
  reject_response: {
    actors: ['agency_head'],
    from: ACTIVE,
    ownAgencyOnly: true,
    label: { id: 'Tolak draf', en: 'Reject the draft' },
  },
  publish: {
    actors: AGENCY,
    from: ACTIVE,
    ownAgencyOnly: true,
    label: { id: 'Terbitkan tindak lanjut', en: 'Publish the follow-up' },
  },
  confirm: {
    actors: ['reporter'],
    from: ['answered'],
    label: { id: 'Puas: selesaikan', en: 'Satisfied: close' },
  },
  rate: { actors: ['reporter'], from: ['answered', 'closed'], label: { id: 'Beri penilaian', en: 'Rate' } },
  reopen: {
    actors: ['reporter'],
    from: ['answered', 'closed'],
    label: { id: 'Tidak puas: buka kembali', en: 'Not satisfied: reopen' },
  },
  close_by_silence: {
    actors: ['system'],
    from: ['answered'],
    label: { id: 'Selesai otomatis (pelapor tidak menanggapi)', en: 'Close by silence' },
  },
  close: {
    actors: STAFF,
    from: [...WORKING, 'returned', 'answered'],
    label: { id: 'Tutup laporan', en: 'Close the report' },
  },
  merge_into: {
    actors: STAFF,
    from: ['received', 'needs_info', ...WORKING, 'returned'],
    label: { id: 'Gabungkan ke laporan induk', en: 'Merge into a master report' },
  },
  split: {
    actors: STAFF,
    from: ['received', 'needs_info', ...WORKING, 'returned', 'answered'],
    label: { id: 'Pisahkan laporan', en: 'Split the report' },
  },
  set_flags: {
    actors: [...STAFF, ...AGENCY, 'reporter'],
    from: NOT_MERGED,
    ownAgencyOnly: true,
    label: { id: 'Ubah anonim/rahasia', en: 'Set anonymous/confidential' },
  },
  add_note: {
    actors: [...STAFF, ...AGENCY],
    from: NOT_MERGED,
    ownAgencyOnly: true,
    label: { id: 'Catatan internal', en: 'Internal note' },
  },
  escalate: { actors: ['system'], from: CLOCKED, label: { id: 'Eskalasi', en: 'Escalate' } },
  remind: { actors: ['system'], from: CLOCKED, label: { id: 'Pengingat', en: 'Reminder' } },
}

export const EVENT_LABELS = {
  info_requested: { id: 'Ditunda: menunggu keterangan pelapor', en: 'Deferred: waiting for the reporter' },
  info_provided: { id: 'Pelapor melengkapi keterangan', en: 'Reporter provided details' },
  reporter_replied: { id: 'Pelapor membalas', en: 'Reporter replied' },
  archived: { id: 'Diarsipkan', en: 'Archived' },
  rejected_not_pemda_authority: { id: 'Bukan wewenang Pemda', en: 'Not the local government’s authority' },
  verified_and_dispatched: { id: 'Diverifikasi dan didisposisikan', en: 'Verified and dispatched' },
  dispositions_added: { id: 'Disposisi ditambahkan', en: 'Disposition added' },
  disposition_cancelled: { id: 'Disposisi dibatalkan', en: 'Disposition cancelled' },
  disposition_accepted: { id: 'Disposisi diterima OPD', en: 'Disposition accepted' },
  disposition_returned: { id: 'Dikembalikan: bukan kewenangan', en: 'Returned: not our authority' },
  disposition_assigned: { id: 'Petugas ditugaskan', en: 'Assigned' },
  response_drafted: { id: 'Draf tindak lanjut ditulis', en: 'Follow-up drafted' },
  response_submitted: { id: 'Diajukan untuk disetujui', en: 'Submitted for approval' },
  response_approved: { id: 'Disetujui kepala OPD', en: 'Approved by the agency head' },
  response_rejected: { id: 'Draf ditolak', en: 'Draft rejected' },
  response_published: { id: 'Tindak lanjut diterbitkan', en: 'Follow-up published' },
  confirmed: { id: 'Pelapor puas: selesai', en: 'Reporter satisfied: closed' },
  rated: { id: 'Pelapor memberi penilaian', en: 'Reporter rated' },
  reopened: { id: 'Dibuka kembali: pelapor tidak puas', en: 'Reopened: reporter not satisfied' },
  closed_by_silence: { id: 'Selesai: pelapor tidak menanggapi', en: 'Closed: no reply from the reporter' },
  closed: { id: 'Ditutup', en: 'Closed' },
  merged: { id: 'Digabung ke laporan induk', en: 'Merged into a master report' },
  split: { id: 'Dipisahkan menjadi laporan baru', en: 'Split into new reports' },
  flags_set: { id: 'Status anonim/rahasia diubah', en: 'Anonymous/confidential changed' },
  note_added: { id: 'Catatan internal', en: 'Internal note' },
  escalated: { id: 'Dieskalasi', en: 'Escalated' },
  reminded: { id: 'Pengingat dikirim', en: 'Reminder sent' },
} as const satisfies Record<string, Label>
export type EventType = keyof typeof EVENT_LABELS
export const EVENT_TYPES = Object.keys(EVENT_LABELS) as EventType[]

export const COMMAND_LABELS = Object.fromEntries(
  Object.entries(COMMAND_RULES).map(([type, rule]) => [type, rule.label]),
) as Record<CommandType, Label>

export const ARCHIVE_REASON_LABELS: Record<(typeof ARCHIVE_REASONS)[number], Label> = {
  spam: { id: 'Spam', en: 'Spam' },
  wrong_format: { id: 'Format tidak sesuai', en: 'Wrong format' },
  too_general: { id: 'Terlalu umum / tidak jelas', en: 'Too general or unclear' },
  not_government_performance: {
    id: 'Bukan tentang kinerja pemerintah',
    en: 'Not about government performance',
  },
  no_reply: { id: 'Pelapor tidak melengkapi keterangan', en: 'The reporter never provided the details' },
  other: { id: 'Lainnya', en: 'Other' },
}
