"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { createTokenAction, revokeTokenAction } from "@/app/actions/account";
import { Field, Outcome } from "@/app/_components/FormParts";

interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  created: string;
  lastUsed: string;
  revoked: string;
}

/** Personal API tokens for the REST API and the CLI: create (the secret is shown once), list, revoke. */
export function TokensView({ tokens }: { tokens: TokenRow[] }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<{ name: string; token: string }>();
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string }>();

  const create = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const result = await createTokenAction(name).finally(() => setBusy(false));
    if (!result.ok) return setOutcome({ ok: false, message: result.message });
    setCreated({ name: result.value.name, token: result.value.token });
    setOutcome(undefined);
    setName("");
    router.refresh();
  };

  const revoke = async (token: TokenRow) => {
    if (!window.confirm(`Revoke the token "${token.name}"? Everything that uses it is refused from now on.`)) return;
    const result = await revokeTokenAction(token.id);
    setOutcome(result.ok ? { ok: true, message: `Revoked "${token.name}".` } : { ok: false, message: result.message });
    if (result.ok) router.refresh();
  };

  return (
    <section className="card space-y-3" aria-label="API tokens">
      <h2>API tokens</h2>
      <p className="text-sm text-slate-600">
        A token acts as you in the REST API (<code>Authorization: Bearer …</code>) and in the CLI against this server (<code>MEDTHREAT_TOKEN</code>).
      </p>
      <form className="flex flex-wrap items-end gap-2" onSubmit={create}>
        <div className="min-w-64 flex-1">
          <Field label="Token name" required value={name} onChange={setName} hint='What uses it, e.g. "CI pipeline"' />
        </div>
        <button className="btn btn-primary" disabled={busy}>
          {busy ? "Creating…" : "Create token"}
        </button>
      </form>
      {created && (
        <div role="status" className="space-y-1 rounded border border-green-300 bg-green-50 p-2 text-sm">
          <p>
            New token <strong>{created.name}</strong>. Copy it now: it is shown only this once.
          </p>
          <input aria-label="New token" readOnly className="input font-mono" value={created.token} onFocus={(e) => e.target.select()} />
          <button type="button" className="btn" onClick={() => void navigator.clipboard?.writeText(created.token)}>
            Copy
          </button>
        </div>
      )}
      <Outcome outcome={outcome} />
      {tokens.length === 0 ? (
        <p className="text-sm text-slate-500">No tokens yet.</p>
      ) : (
        <table className="w-full text-left text-sm" aria-label="Your API tokens">
          <thead className="text-xs text-slate-500">
            <tr>
              <th className="py-1">Name</th>
              <th>Token</th>
              <th>Created</th>
              <th>Last used</th>
              <th>Status</th>
              <th />
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {tokens.map((t) => (
              <tr key={t.id}>
                <td className="py-1">{t.name}</td>
                <td className="font-mono text-xs">{t.prefix}…</td>
                <td className="whitespace-nowrap text-xs">{t.created}</td>
                <td className="whitespace-nowrap text-xs">{t.lastUsed || "never"}</td>
                <td className="text-xs">{t.revoked ? `revoked ${t.revoked}` : "active"}</td>
                <td className="text-right">
                  {!t.revoked && (
                    <button className="btn btn-danger" aria-label={`Revoke ${t.name}`} onClick={() => void revoke(t)}>
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
