// The report's vocabulary: codes in English (stored), labels in Bahasa Indonesia first.
// Pure: imported by the schema, the lifecycle, the API and the web app alike.

export const REPORT_STATUSES = [
  'received', // belum terverifikasi
  'needs_info', // tunda: waiting for the reporter (clock paused)
  'archived', // diarsipkan, with a reason told to the reporter
  'dispatched', // terverifikasi & didisposisikan to one or more agencies
  'in_progress', // ditindaklanjuti by an agency
  'returned', // dikembalikan: every open disposition returned as bukan kewenangan
  'answered', // dijawab: a follow-up was published to the reporter
  'reopened', // dibuka kembali: the reporter is not satisfied
  'closed', // selesai
  'merged', // digabung into a master report
] as const
export type ReportStatus = (typeof REPORT_STATUSES)[number]

export const REPORT_STATUS_LABELS: Record<ReportStatus, { id: string; en: string }> = {
  received: { id: 'Belum terverifikasi', en: 'Received' },
  needs_info: { id: 'Tunda (menunggu pelapor)', en: 'Waiting for reporter' },
  archived: { id: 'Diarsipkan', en: 'Archived' },
  dispatched: { id: 'Didisposisikan', en: 'Dispatched' },
  in_progress: { id: 'Ditindaklanjuti', en: 'In progress' },
  returned: { id: 'Dikembalikan (bukan kewenangan)', en: 'Returned (not our authority)' },
  answered: { id: 'Dijawab', en: 'Answered' },
  reopened: { id: 'Dibuka kembali', en: 'Reopened' },
  closed: { id: 'Selesai', en: 'Closed' },
  merged: { id: 'Digabung', en: 'Merged' },
}

export const REPORT_KINDS = ['pengaduan', 'aspirasi', 'permintaan_informasi', 'kedaruratan', 'klarifikasi'] as const
export type ReportKind = (typeof REPORT_KINDS)[number]
export const REPORT_KIND_LABELS: Record<ReportKind, { id: string; en: string }> = {
  pengaduan: { id: 'Pengaduan', en: 'Complaint' },
  aspirasi: { id: 'Aspirasi', en: 'Aspiration' },
  permintaan_informasi: { id: 'Permintaan informasi', en: 'Information request' },
  kedaruratan: { id: 'Kedaruratan', en: 'Emergency' },
  klarifikasi: { id: 'Klarifikasi (hoaks)', en: 'Clarification (rumour)' },
}

export const ROLES = ['super_admin', 'operator', 'agency_admin', 'agency_head', 'leader', 'auditor'] as const
export type Role = (typeof ROLES)[number]
export const ROLE_LABELS: Record<Role, { id: string; en: string }> = {
  super_admin: { id: 'Super admin', en: 'Super admin' },
  operator: { id: 'Admin koordinator', en: 'Operator' },
  agency_admin: { id: 'Admin penghubung OPD', en: 'Agency admin' },
  agency_head: { id: 'Kepala OPD', en: 'Agency head' },
  leader: { id: 'Pimpinan', en: 'Leader' },
  auditor: { id: 'Pengawas', en: 'Auditor' },
}

export const CHANNEL_TYPES = [
  'whatsapp',
  'messenger',
  'instagram',
  'facebook_comment',
  'instagram_comment',
  'x',
  'telegram',
  'sms',
  'email',
  'web',
  'api',
  'phone',
  'walk_in',
  'lapor',
] as const
export type ChannelType = (typeof CHANNEL_TYPES)[number]

export const DISPOSITION_STATUSES = ['pending', 'in_progress', 'returned', 'answered', 'cancelled'] as const
export type DispositionStatus = (typeof DISPOSITION_STATUSES)[number]

export const RESPONSE_STATUSES = ['draft', 'pending_approval', 'published', 'rejected'] as const
export type ResponseStatus = (typeof RESPONSE_STATUSES)[number]

export const URGENCIES = ['mendesak', 'penting', 'biasa'] as const
export type Urgency = (typeof URGENCIES)[number]

/** Per-category SLA tiers seen in Pemda SOPs (working days). */
export const SLA_TIERS = ['ringan', 'normatif', 'tidak_berkadar_pengawasan', 'berkadar_pengawasan'] as const
export type SlaTier = (typeof SLA_TIERS)[number]

export const AGENCY_TYPES = [
  'coordinator',
  'dinas',
  'badan',
  'rsud',
  'puskesmas',
  'kecamatan',
  'desa',
  'inspektorat',
  'sekretariat',
  'other',
] as const
export type AgencyType = (typeof AGENCY_TYPES)[number]

export const TIME_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const
export type TimeZone = (typeof TIME_ZONES)[number]
