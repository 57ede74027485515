"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { createAccountAction, updateAccountAction } from "@/app/actions/admin";
import { Field, Outcome } from "@/app/_components/FormParts";

interface AccountRow {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  disabled: boolean;
  createdAt: string;
}

const blank = { email: "", name: "", password: "", isAdmin: false };

export function UsersView({ accounts, actorId, minLength }: { accounts: AccountRow[]; actorId: string; minLength: number }) {
  const router = useRouter();
  const [form, setForm] = useState(blank);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string }>();
  const activeAdmins = accounts.filter((a) => a.isAdmin && !a.disabled).length;

  const create = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const result = await createAccountAction(form).finally(() => setBusy(false));
    setOutcome(result.ok ? { ok: true, message: `Created the account of ${result.value.email}. Give them the initial password and ask them to change it under Account.` } : result);
    if (result.ok) {
      setForm(blank);
      router.refresh();
    }
  };

  const update = async (account: AccountRow, change: { disabled?: boolean; isAdmin?: boolean }, done: string) => {
    const result = await updateAccountAction(account.id, change);
    setOutcome(result.ok ? { ok: true, message: `${account.email}: ${done}.` } : result);
    if (result.ok) router.refresh();
  };

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <section className="card space-y-2">
        <h2>Accounts ({accounts.length})</h2>
        <Outcome outcome={outcome} />
        <table className="w-full text-left text-sm" aria-label="Accounts">
          <thead className="text-xs text-slate-500">
            <tr>
              <th className="py-1">Name</th>
              <th>E-mail</th>
              <th>Created</th>
              <th>Status</th>
              <th />
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {accounts.map((a) => {
              const self = a.id === actorId;
              const lastAdmin = a.isAdmin && !a.disabled && activeAdmins <= 1;
              return (
                <tr key={a.id} className={a.disabled ? "text-slate-400" : ""}>
                  <td className="py-1">
                    {a.name}
                    {self && <span className="text-xs text-slate-500"> (you)</span>}
                  </td>
                  <td>{a.email}</td>
                  <td className="text-xs">{a.createdAt}</td>
                  <td className="text-xs">
                    {a.disabled ? "disabled" : "active"}
                    {a.isAdmin && " · administrator"}
                  </td>
                  <td className="space-x-1 whitespace-nowrap text-right">
                    <button
                      className="btn"
                      aria-label={`${a.isAdmin ? "Withdraw administration from" : "Make administrator"} ${a.email}`}
                      disabled={a.isAdmin && (self || lastAdmin)}
                      title={a.isAdmin && (self || lastAdmin) ? "You cannot withdraw your own administration or that of the last administrator" : undefined}
                      onClick={() => void update(a, { isAdmin: !a.isAdmin }, a.isAdmin ? "no longer administrator" : "now administrator")}
                    >
                      {a.isAdmin ? "Withdraw admin" : "Make admin"}
                    </button>
                    <button
                      className={a.disabled ? "btn" : "btn btn-danger"}
                      aria-label={`${a.disabled ? "Enable" : "Disable"} ${a.email}`}
                      disabled={!a.disabled && (self || lastAdmin)}
                      title={!a.disabled && (self || lastAdmin) ? "You cannot disable your own account or the last administrator" : undefined}
                      onClick={() => void update(a, { disabled: !a.disabled }, a.disabled ? "enabled" : "disabled and signed out")}
                    >
                      {a.disabled ? "Enable" : "Disable"}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <form className="card space-y-3" onSubmit={create} aria-label="New account">
        <h2>New account</h2>
        <Field label="E-mail" type="email" autoComplete="off" required value={form.email} onChange={(email) => setForm((f) => ({ ...f, email }))} />
        <Field label="Name" required value={form.name} onChange={(name) => setForm((f) => ({ ...f, name }))} />
        <Field
          label="Initial password"
          type="password"
          autoComplete="new-password"
          required
          value={form.password}
          onChange={(password) => setForm((f) => ({ ...f, password }))}
          hint={`At least ${minLength} characters; the user changes it under Account`}
        />
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={form.isAdmin} onChange={(e) => setForm((f) => ({ ...f, isAdmin: e.target.checked }))} />
          Administrator (may do everything in every project and manage users)
        </label>
        <button className="btn btn-primary" disabled={busy}>
          {busy ? "Creating…" : "Create account"}
        </button>
      </form>
    </div>
  );
}
