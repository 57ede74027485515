"use client";

import { TextField } from "./fields";

export function IdField({ value, onChange, isNew }: { value: string; onChange(v: string): void; isNew: boolean }) {
  return (
    <TextField
      label="Id"
      mono
      required
      value={value}
      onChange={(v) => onChange(v.toLowerCase())}
      hint={isNew ? "Stable, human-readable: lower-case words joined by hyphens. Made from the name unless you change it." : "Changing the id updates every reference to it."}
    />
  );
}
