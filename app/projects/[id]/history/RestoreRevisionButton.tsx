"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { restoreRevisionAction } from "@/app/actions/projects";

export function RestoreRevisionButton({ projectId, revision, current }: { projectId: string; revision: number; current: number }) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string>();
  const router = useRouter();
  return (
    <>
      <button
        className="btn"
        disabled={pending}
        onClick={() =>
          start(async () => {
            if (!confirm(`Save revision ${revision} again as the newest revision?`)) return;
            const outcome = await restoreRevisionAction(projectId, current, revision);
            setMessage(outcome.ok ? undefined : outcome.message);
            router.refresh();
          })
        }
      >
        Restore
      </button>
      {message && (
        <span role="alert" className="block text-xs text-red-700">
          {message}
        </span>
      )}
    </>
  );
}
