"use client";

import { useId } from "react";

/** A label above its control, with an optional hint below; `control` gets the id the label points at. */
export function Labelled(props: { label: string; hint?: string; control(id: string): React.ReactNode }) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {props.label}
      </label>
      {props.control(id)}
      {props.hint && <span className="text-xs text-slate-500">{props.hint}</span>}
    </div>
  );
}

/** A labelled input for the account, administration and members forms. */
export function Field(props: {
  label: string;
  value: string;
  onChange(v: string): void;
  type?: "text" | "email" | "password";
  autoComplete?: string;
  required?: boolean;
  hint?: string;
}) {
  return (
    <Labelled
      label={props.label}
      hint={props.hint}
      control={(id) => (
        <input
          id={id}
          className="input"
          type={props.type ?? "text"}
          autoComplete={props.autoComplete}
          required={props.required}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    />
  );
}

/** The outcome of the last action: a refusal or error as an alert, a success as a status. */
export function Outcome({ outcome }: { outcome?: { ok: boolean; message: string } }) {
  if (!outcome) return null;
  return outcome.ok ? (
    <p role="status" className="text-sm text-green-800">
      {outcome.message}
    </p>
  ) : (
    <p role="alert" className="rounded border border-red-300 bg-red-50 px-2 py-1 text-sm text-red-800">
      {outcome.message}
    </p>
  );
}
