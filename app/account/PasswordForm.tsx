"use client";

import { useState } from "react";
import { changePasswordAction } from "@/app/actions/account";
import { Field, Outcome } from "@/app/_components/FormParts";

export function PasswordForm({ minLength }: { minLength: number }) {
  const [form, setForm] = useState({ current: "", next: "", confirm: "" });
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string }>();
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (form.next !== form.confirm) return setOutcome({ ok: false, message: "the new password and its confirmation differ" });
    setBusy(true);
    const result = await changePasswordAction(form).finally(() => setBusy(false));
    setOutcome({ ok: result.ok, message: result.ok ? result.value : result.message });
    if (result.ok) setForm({ current: "", next: "", confirm: "" });
  };

  return (
    <form className="card space-y-3" onSubmit={submit} aria-label="Change password">
      <h2>Change password</h2>
      <Field label="Current password" type="password" autoComplete="current-password" required value={form.current} onChange={set("current")} />
      <Field label="New password" type="password" autoComplete="new-password" required value={form.next} onChange={set("next")} hint={`At least ${minLength} characters`} />
      <Field label="Confirm new password" type="password" autoComplete="new-password" required value={form.confirm} onChange={set("confirm")} />
      <Outcome outcome={outcome} />
      <button className="btn btn-primary" disabled={busy}>
        {busy ? "Changing…" : "Change password"}
      </button>
      <p className="text-xs text-slate-500">Changing the password signs you out on every other browser. API tokens stay valid; revoke them separately.</p>
    </form>
  );
}
