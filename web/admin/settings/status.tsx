// The success / error line every settings form shows (role=status / role=alert).
export function Status({ ok, error }: { ok: string | null; error: string | null }) {
  return (
    <>
      <p className="ok" role="status">
        {ok ?? ''}
      </p>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
    </>
  )
}
