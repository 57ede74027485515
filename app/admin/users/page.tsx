import { forPage, pageActor } from "@/app/_server/pages";
import { listAccounts } from "@/app/_server/accounts";
import { MIN_PASSWORD_LENGTH } from "@/app/_server/auth";
import { UsersView } from "./UsersView";

export const dynamic = "force-dynamic";

const when = (d: Date) => d.toISOString().slice(0, 10);

/** Administrators only; for everyone else the page does not exist. */
export default async function UsersPage() {
  const actor = await pageActor();
  const accounts = await forPage(() => listAccounts(actor));
  return (
    <div className="space-y-4">
      <div>
        <h1>Users</h1>
        <p className="text-sm text-slate-600">
          Accounts of this installation. Project roles are given on each project&apos;s Members page; administrators may do everything in every project.
        </p>
      </div>
      <UsersView actorId={actor.id} minLength={MIN_PASSWORD_LENGTH} accounts={accounts.map((a) => ({ ...a, createdAt: when(a.createdAt) }))} />
    </div>
  );
}
