// The notification bell in the top bar (unread count, live): filled by the notifications work.
export function Bell() {
  return null
}
