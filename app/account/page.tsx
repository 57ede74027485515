import Link from "next/link";
import { pageActor } from "../_server/pages";
import { listApiTokens } from "../_server/accounts";
import { MIN_PASSWORD_LENGTH } from "../_server/auth";
import { PasswordForm } from "./PasswordForm";
import { TokensView } from "./TokensView";

export const dynamic = "force-dynamic";

const when = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace("T", " ") + " UTC" : "");

export default async function AccountPage() {
  const actor = await pageActor();
  const tokens = await listApiTokens(actor);
  return (
    <div className="space-y-6">
      <div>
        <h1>Your account</h1>
        <p className="text-sm text-slate-600">
          {actor.name} · {actor.email}
          {actor.isAdmin && (
            <>
              {" "}
              · administrator (<Link href="/admin/users">manage users</Link>)
            </>
          )}
        </p>
      </div>
      <div className="grid gap-6 lg:grid-cols-[22rem_minmax(0,1fr)]">
        <PasswordForm minLength={MIN_PASSWORD_LENGTH} />
        <TokensView
          tokens={tokens.map((t) => ({ id: t.id, name: t.name, prefix: t.prefix, created: when(t.createdAt), lastUsed: when(t.lastUsedAt), revoked: when(t.revokedAt) }))}
        />
      </div>
    </div>
  );
}
