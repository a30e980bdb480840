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

export const REPORT_KINDS = [
  'pengaduan',
  'aspirasi',
  'permintaan_informasi',
  'kedaruratan',
  'klarifikasi',
] as const
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

export const DISPOSITION_STATUS_LABELS: Record<DispositionStatus, { id: string; en: string }> = {
  pending: { id: 'Menunggu diterima', en: 'Pending' },
  in_progress: { id: 'Ditindaklanjuti', en: 'In progress' },
  returned: { id: 'Dikembalikan (bukan kewenangan)', en: 'Returned (not our authority)' },
  answered: { id: 'Dijawab', en: 'Answered' },
  cancelled: { id: 'Dibatalkan', en: 'Cancelled' },
}

export const RESPONSE_STATUSES = ['draft', 'pending_approval', 'published', 'rejected'] as const
export type ResponseStatus = (typeof RESPONSE_STATUSES)[number]
export const RESPONSE_STATUS_LABELS: Record<ResponseStatus, { id: string; en: string }> = {
  draft: { id: 'Draf', en: 'Draft' },
  pending_approval: { id: 'Menunggu persetujuan', en: 'Awaiting approval' },
  published: { id: 'Diterbitkan', en: 'Published' },
  rejected: { id: 'Ditolak', en: 'Rejected' },
}

export const URGENCIES = ['mendesak', 'penting', 'biasa'] as const
export type Urgency = (typeof URGENCIES)[number]
export const URGENCY_LABELS: Record<Urgency, { id: string; en: string }> = {
  mendesak: { id: 'Mendesak', en: 'Urgent' },
  penting: { id: 'Penting', en: 'Important' },
  biasa: { id: 'Biasa', en: 'Normal' },
}

/** Per-category SLA tiers seen in Pemda SOPs (working days). */
export const SLA_TIERS = ['ringan', 'normatif', 'tidak_berkadar_pengawasan', 'berkadar_pengawasan'] as const
export type SlaTier = (typeof SLA_TIERS)[number]
export const SLA_TIER_LABELS: Record<SlaTier, { id: string; en: string }> = {
  ringan: { id: 'Ringan', en: 'Light' },
  normatif: { id: 'Normatif', en: 'Standard' },
  tidak_berkadar_pengawasan: { id: 'Tidak berkadar pengawasan', en: 'Non-supervisory' },
  berkadar_pengawasan: { id: 'Berkadar pengawasan', en: 'Supervisory (audit-grade)' },
}

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
export const TIME_ZONE_LABELS: Record<TimeZone, { id: string; en: string }> = {
  'Asia/Jakarta': { id: 'WIB (UTC+7)', en: 'Western Indonesia Time (UTC+7)' },
  'Asia/Makassar': { id: 'WITA (UTC+8)', en: 'Central Indonesia Time (UTC+8)' },
  'Asia/Jayapura': { id: 'WIT (UTC+9)', en: 'Eastern Indonesia Time (UTC+9)' },
}

/** A label shown to users: Bahasa Indonesia first, English beside. */
export type Label = { id: string; en: string }
