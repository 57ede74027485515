"use client";

export function ConflictBanner({ message, busy, onResolve }: { message: string; busy: boolean; onResolve(reapply: boolean): void }) {
  return (
    <div role="alert" className="space-y-2 rounded border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950">
      <p className="font-semibold">Someone else changed this project.</p>
      <p>{message}</p>
      <p>Your change is still in the form.</p>
      <div className="flex flex-wrap gap-2">
        <button className="btn btn-primary" disabled={busy} onClick={() => onResolve(true)}>
          Load latest and apply my change
        </button>
        <button className="btn" disabled={busy} onClick={() => onResolve(false)}>
          Load latest and discard my change
        </button>
      </div>
    </div>
  );
}

export function SavedNotice({ notice }: { notice?: string }) {
  if (!notice) return null;
  return (
    <p role="status" className="rounded border border-green-300 bg-green-50 p-2 text-sm text-green-900">
      Saved: {notice}
    </p>
  );
}
