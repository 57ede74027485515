"use client";

import { useState } from "react";
import type { Model } from "@/lib/model/schema";
import { uniqueId } from "./drafts";
import { useUnsavedChangesWarning } from "./useUnsavedChanges";

/** Local, unsaved state of one item being edited. A new item's id follows its name until the id is edited. */
export function useDraft<T extends { id: string; name: string }>(initial: T, isNew: boolean, model: Model) {
  const [draft, setDraft] = useState(initial);
  const [idTouched, setIdTouched] = useState(!isNew);
  useUnsavedChangesWarning(JSON.stringify(draft) !== JSON.stringify(initial));
  const set = <K extends keyof T>(key: K, value: T[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const setName = (name: string, idBase = name) =>
    setDraft((d) => ({ ...d, name, ...(idTouched ? {} : { id: idBase.trim() ? uniqueId(model, idBase) : "" }) }));
  const setId = (id: string) => {
    setIdTouched(true);
    setDraft((d) => ({ ...d, id }));
  };
  return { draft, setDraft, set, setName, setId, idTouched };
}
