"use client";

import { useState } from "react";
import { Labelled } from "@/app/_components/FormParts";
import { label as vocabularyLabel } from "@/lib/model/vocabulary";

export function TextField(props: { label: string; value: string; onChange(v: string): void; required?: boolean; placeholder?: string; hint?: string; mono?: boolean; disabled?: boolean }) {
  return (
    <Labelled
      label={props.required ? `${props.label} *` : props.label}
      hint={props.hint}
      control={(id) => (
        <input
          id={id}
          className={`input ${props.mono ? "font-mono" : ""}`}
          value={props.value}
          required={props.required}
          placeholder={props.placeholder}
          disabled={props.disabled}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    />
  );
}

export function TextArea(props: { label: string; value: string; onChange(v: string): void; rows?: number; hint?: string }) {
  return (
    <Labelled
      label={props.label}
      hint={props.hint}
      control={(id) => <textarea id={id} className="input" rows={props.rows ?? 3} value={props.value} onChange={(e) => props.onChange(e.target.value)} />}
    />
  );
}

export function Select<T extends string>(props: {
  label: string;
  value: T;
  options: readonly T[];
  onChange(v: T): void;
  optionLabel?(v: T): string;
}) {
  return (
    <Labelled
      label={props.label}
      control={(id) => (
        <select id={id} className="input" value={props.value} onChange={(e) => props.onChange(e.target.value as T)}>
          {props.options.map((o) => (
            <option key={o} value={o}>
              {(props.optionLabel ?? vocabularyLabel)(o)}
            </option>
          ))}
        </select>
      )}
    />
  );
}

export function Checkbox(props: { label: string; checked: boolean; onChange(v: boolean): void }) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <input type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} />
      {props.label}
    </label>
  );
}

/** A set of values chosen with checkboxes, kept in the order of `options`. */
export function MultiCheck<T extends string>(props: {
  label: string;
  options: readonly T[];
  value: readonly T[];
  onChange(v: T[]): void;
  optionLabel?(v: T): string;
  empty?: string;
}) {
  const toggle = (o: T, on: boolean) => props.onChange(props.options.filter((x) => (x === o ? on : props.value.includes(x))));
  return (
    <fieldset className="space-y-1">
      <legend className="field-label">{props.label}</legend>
      {props.options.length === 0 && <p className="text-xs text-slate-500">{props.empty ?? "Nothing to choose from yet."}</p>}
      <div className="grid max-h-48 grid-cols-1 gap-x-3 gap-y-0.5 overflow-auto sm:grid-cols-2">
        {props.options.map((o) => (
          <Checkbox key={o} label={(props.optionLabel ?? vocabularyLabel)(o)} checked={props.value.includes(o)} onChange={(on) => toggle(o, on)} />
        ))}
      </div>
    </fieldset>
  );
}

/** Whether a protection is in place, and how. */
export function ProtectionField(props: { label: string; value: { enabled: boolean; method: string }; onChange(v: { enabled: boolean; method: string }): void; placeholder: string }) {
  return (
    <div className="flex items-end gap-2">
      <div className="w-40 shrink-0">
        <Checkbox label={props.label} checked={props.value.enabled} onChange={(enabled) => props.onChange({ ...props.value, enabled })} />
      </div>
      <input
        aria-label={`${props.label}: how`}
        className="input"
        disabled={!props.value.enabled}
        placeholder={props.placeholder}
        value={props.value.method}
        onChange={(e) => props.onChange({ ...props.value, method: e.target.value })}
      />
    </div>
  );
}

export function TagsField(props: { value: readonly string[]; onChange(v: string[]): void }) {
  const [text, setText] = useState(props.value.join(", "));
  return (
    <TextField
      label="Tags"
      value={text}
      hint="Comma-separated, e.g. multi-patient, update-path"
      onChange={(v) => {
        setText(v);
        props.onChange([...new Set(v.split(",").map((t) => t.trim()).filter(Boolean))]);
      }}
    />
  );
}

/** Lines of text edited in a textarea, one entry per line. */
export function LinesField(props: { label: string; value: readonly string[]; onChange(v: string[]): void; hint?: string }) {
  const [text, setText] = useState(props.value.join("\n"));
  return (
    <TextArea
      label={props.label}
      value={text}
      hint={props.hint ?? "One per line"}
      onChange={(v) => {
        setText(v);
        props.onChange(v.split("\n").map((t) => t.trim()).filter(Boolean));
      }}
    />
  );
}

/** The boundary an element or boundary sits directly inside; empty for none. */
export function BoundarySelect(props: { boundaries: readonly { id: string; name: string }[]; value: string | null; onChange(v: string | null): void }) {
  return (
    <Labelled
      label="Inside trust boundary"
      control={(id) => (
        <select id={id} className="input" value={props.value ?? ""} onChange={(e) => props.onChange(e.target.value || null)}>
          <option value="">(none)</option>
          {props.boundaries.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </select>
      )}
    />
  );
}
