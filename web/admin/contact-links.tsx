// The reporter's identities on other channels, and linking/unlinking them, in the conversation view (not built yet).

export function ContactLinks(_props: { contactId: string }) {
  return null
}
