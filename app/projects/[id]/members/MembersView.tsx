"use client";

import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { addMemberAction, changeRoleAction, removeMemberAction } from "@/app/actions/members";
import { Field, Outcome } from "@/app/_components/FormParts";
import { ROLES, type Role } from "@/lib/access";

interface Member {
  userId: string;
  email: string;
  name: string;
  role: Role;
}

/** The project's members; owners add existing accounts, change roles and remove members. */
export function MembersView(props: { projectId: string; members: Member[]; canManage: boolean; actorId: string; roles: { role: Role; can: string[] }[] }) {
  const router = useRouter();
  const roleId = useId();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("viewer");
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string }>();

  const done = (result: { ok: true } | { ok: false; message: string }, message: string) => {
    setOutcome(result.ok ? { ok: true, message } : { ok: false, message: result.message });
    if (result.ok) router.refresh();
    return result.ok;
  };

  const add = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const result = await addMemberAction(props.projectId, { email, role }).finally(() => setBusy(false));
    if (done(result, result.ok ? `Added ${result.value.email} as ${result.value.role}.` : "")) setEmail("");
  };

  const change = async (m: Member, next: Role) => {
    done(await changeRoleAction(props.projectId, m.userId, next), `${m.email} is now ${next}.`);
  };

  const remove = async (m: Member) => {
    if (!window.confirm(`Remove ${m.email} from this project?`)) return;
    done(await removeMemberAction(props.projectId, m.userId), `Removed ${m.email}.`);
  };

  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <section className="card space-y-2">
        <h2>Members ({props.members.length})</h2>
        {!props.canManage && <p className="text-sm text-slate-500">Only the project&apos;s owners (and administrators) change who works on it.</p>}
        <Outcome outcome={outcome} />
        <table className="w-full text-left text-sm" aria-label="Members">
          <thead className="text-xs text-slate-500">
            <tr>
              <th className="py-1">Name</th>
              <th>E-mail</th>
              <th>Role</th>
              {props.canManage && <th />}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {props.members.map((m) => (
              <tr key={m.userId}>
                <td className="py-1">
                  {m.name}
                  {m.userId === props.actorId && <span className="text-xs text-slate-500"> (you)</span>}
                </td>
                <td>{m.email}</td>
                <td>
                  {props.canManage ? (
                    <select aria-label={`Role of ${m.email}`} className="input w-32" value={m.role} onChange={(e) => void change(m, e.target.value as Role)}>
                      {ROLES.map((r) => (
                        <option key={r}>{r}</option>
                      ))}
                    </select>
                  ) : (
                    m.role
                  )}
                </td>
                {props.canManage && (
                  <td className="text-right">
                    <button className="btn btn-danger" aria-label={`Remove ${m.email}`} onClick={() => void remove(m)}>
                      Remove
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <aside className="space-y-4">
        {props.canManage && (
          <form className="card space-y-3" onSubmit={add} aria-label="Add a member">
            <h2>Add a member</h2>
            <Field label="E-mail" type="email" required value={email} onChange={setEmail} hint="Of an existing account; administrators create accounts under Users" />
            <div>
              <label htmlFor={roleId} className="field-label">
                Role
              </label>
              <select id={roleId} className="input" value={role} onChange={(e) => setRole(e.target.value as Role)}>
                {ROLES.map((r) => (
                  <option key={r}>{r}</option>
                ))}
              </select>
            </div>
            <button className="btn btn-primary" disabled={busy}>
              {busy ? "Adding…" : "Add member"}
            </button>
          </form>
        )}
        <section className="card space-y-1 text-sm" aria-label="Roles">
          <h2>Roles</h2>
          <dl className="space-y-1">
            {props.roles.map((r) => (
              <div key={r.role}>
                <dt className="font-medium">{r.role}</dt>
                <dd className="text-slate-600">may {r.can.join(", ")}</dd>
              </div>
            ))}
          </dl>
        </section>
      </aside>
    </div>
  );
}
