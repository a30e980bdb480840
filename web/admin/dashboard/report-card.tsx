// Monthly report card (rapor OPD) downloads from the dashboard: PDF and XLSX, tenant and per agency (not built yet).

export function ReportCardDownloads() {
  return null
}
