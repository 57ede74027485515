"use client";

/** What a page shows when the server failed to handle a request: nothing half-done is kept, and it can be tried again. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="card max-w-xl space-y-3">
      <h1>Something went wrong</h1>
      <p className="text-sm text-slate-700">
        The server could not finish this request, and nothing of it was saved. Try again; if it keeps happening, give your administrator this
        reference{error.digest ? `: ${error.digest}` : " and the time"}.
      </p>
      <button className="btn btn-primary" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
