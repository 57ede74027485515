"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { saveRulesAction } from "@/app/actions/threats";
import type { ModelIssue } from "@/lib/model/issues";
import { IssueList } from "./IssueList";

/** Edits a rule set as YAML; saving validates every rule and refuses the whole set if one is wrong. */
export function RuleSetEditor(props: { scope: "organisation" | { projectId: string }; initialText: string; initialVersion: number; example: string }) {
  const router = useRouter();
  const [text, setText] = useState(props.initialText);
  const [version, setVersion] = useState(props.initialVersion);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<ModelIssue[]>([]);
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string }>();

  const save = async (base = version) => {
    setBusy(true);
    setErrors([]);
    setMessage(undefined);
    try {
      const outcome = await saveRulesAction(props.scope, base, text);
      if (outcome.ok) {
        setVersion(outcome.version);
        setMessage({ kind: "ok", text: `Saved ${outcome.count} rule${outcome.count === 1 ? "" : "s"} (version ${outcome.version}). The threats are re-analysed with them.` });
        router.refresh();
      } else if (outcome.kind === "conflict") {
        setVersion(outcome.currentVersion);
        setMessage({ kind: "error", text: `${outcome.message} Save again to replace their version with yours.` });
      } else {
        setMessage({ kind: "error", text: outcome.message });
        if (outcome.kind === "invalid") setErrors(outcome.errors);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="space-y-2">
      <label htmlFor="rule-yaml" className="field-label">
        Rules (YAML)
      </label>
      <textarea id="rule-yaml" className="input font-mono text-xs" rows={16} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} />
      <div className="flex flex-wrap gap-2">
        <button className="btn btn-primary" disabled={busy} onClick={() => save()}>
          {busy ? "Checking…" : "Check and save"}
        </button>
        <button className="btn" type="button" onClick={() => setText(props.example)}>
          Insert example
        </button>
      </div>
      {message && (
        <p role={message.kind === "ok" ? "status" : "alert"} className={`text-sm ${message.kind === "ok" ? "text-green-800" : "text-red-700"}`}>
          {message.text}
        </p>
      )}
      <IssueList issues={errors} />
    </div>
  );
}
