"use client";

import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { applyOperationAction, loadLatestAction } from "@/app/actions/projects";
import type { ModelIssue } from "@/lib/model/issues";
import type { ModelOperationInput } from "@/lib/model/operations";
import type { Model } from "@/lib/model/schema";

export interface Conflict<T> {
  message: string;
  operation: ModelOperationInput;
  after?: T;
}

/**
 * Sends edit operations based on the revision the user is looking at. A conflict keeps the
 * operation (and so the user's input) until the user reapplies it to the latest revision or drops it.
 */
export function useModelSaver<T = undefined>(projectId: string, initialModel: Model, initialRevision: number, onSaved?: (after: T | undefined) => void) {
  const router = useRouter();
  const [model, setModel] = useState(initialModel);
  const [revision, setRevision] = useState(initialRevision);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<ModelIssue[]>([]);
  const [conflict, setConflict] = useState<Conflict<T>>();
  const [notice, setNotice] = useState<string>();

  useEffect(() => {
    if (initialRevision > revision) {
      setModel(initialModel);
      setRevision(initialRevision);
    }
  }, [initialModel, initialRevision, revision]);

  const submit = async (operation: ModelOperationInput, after?: T, base = revision): Promise<boolean> => {
    setBusy(true);
    setNotice(undefined);
    try {
      const outcome = await applyOperationAction(projectId, base, operation);
      if (outcome.ok) {
        setModel(outcome.value.model);
        setRevision(outcome.value.revision);
        setErrors([]);
        setConflict(undefined);
        setNotice(`${outcome.value.summary} (revision ${outcome.value.revision})`);
        onSaved?.(after);
        router.refresh();
        return true;
      }
      if (outcome.kind === "conflict") setConflict({ message: outcome.message, operation, after });
      else setErrors("errors" in outcome ? outcome.errors : [{ severity: "error", path: "(project)", message: outcome.message }]);
    } catch (e) {
      setErrors([{ severity: "error", path: "(connection)", message: `the change could not be sent: ${(e as Error).message}. Your input is kept; try again.` }]);
    } finally {
      setBusy(false);
    }
    return false;
  };

  const resolveConflict = async (reapply: boolean) => {
    if (!conflict) return;
    setBusy(true);
    const latest = await loadLatestAction(projectId);
    setBusy(false);
    if (!latest) return setErrors([{ severity: "error", path: "(project)", message: "the project no longer exists" }]);
    setModel(latest.model);
    setRevision(latest.revision);
    setConflict(undefined);
    if (reapply) await submit(conflict.operation, conflict.after, latest.revision);
  };

  const clearMessages = () => {
    setErrors([]);
    setConflict(undefined);
  };

  return { model, revision, busy, errors, conflict, notice, submit, resolveConflict, clearMessages };
}
