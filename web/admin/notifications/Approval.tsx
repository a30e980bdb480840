// The head's approval page opened from a notification link (/admin/persetujuan/<reportId>):
// filled by the notifications work.
export function Approval({ reportId }: { reportId: string }) {
  return <p>{reportId}</p>
}
