"use client";

import { useActionState } from "react";
import { signInAction, signUpAction, type AuthFormState } from "../actions/auth";
import { Labelled } from "./FormParts";

function Field(props: { name: string; label: string; type?: string; autoComplete: string; defaultValue?: string; minLength?: number }) {
  return (
    <Labelled
      label={props.label}
      control={(id) => (
        <input id={id} name={props.name} type={props.type ?? "text"} required autoComplete={props.autoComplete} defaultValue={props.defaultValue} minLength={props.minLength} className="input" />
      )}
    />
  );
}

function Refusal({ message }: { message?: string }) {
  return message ? (
    <p role="alert" className="text-sm text-red-700">
      {message}
    </p>
  ) : null;
}

export function SignInForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState<AuthFormState, FormData>(signInAction, {});
  return (
    <form action={action} className="card space-y-3" aria-label="Sign in">
      <input type="hidden" name="next" value={next} />
      <Field name="email" label="E-mail" type="email" autoComplete="username" defaultValue={state.email} />
      <Field name="password" label="Password" type="password" autoComplete="current-password" />
      <Refusal message={state.message} />
      <button className="btn btn-primary" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}

export function FirstAccountForm({ minLength }: { minLength: number }) {
  const [state, action, pending] = useActionState<AuthFormState, FormData>(signUpAction, {});
  return (
    <form action={action} className="card space-y-3" aria-label="Create the first account">
      <Field name="name" label="Name" autoComplete="name" defaultValue={state.name} />
      <Field name="email" label="E-mail" type="email" autoComplete="username" defaultValue={state.email} />
      <Field name="password" label="Password" type="password" autoComplete="new-password" minLength={minLength} />
      <Field name="confirm" label="Repeat the password" type="password" autoComplete="new-password" minLength={minLength} />
      <p className="text-xs text-slate-500">At least {minLength} characters. This account becomes the administrator and owner of the demo project.</p>
      <Refusal message={state.message} />
      <button className="btn btn-primary" disabled={pending}>
        {pending ? "Creating…" : "Create administrator account"}
      </button>
    </form>
  );
}
