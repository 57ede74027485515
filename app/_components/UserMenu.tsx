import Link from "next/link";
import type { Actor } from "@/db/users";
import { signOutAction } from "../actions/auth";

export function UserMenu({ actor }: { actor: Actor }) {
  return (
    <div className="ml-auto flex items-center gap-3 text-sm">
      {actor.isAdmin && <Link href="/admin/users">Users</Link>}
      <Link href="/account" aria-label={`Account of ${actor.name}`}>
        {actor.name}
      </Link>
      <form action={signOutAction}>
        <button className="btn">Sign out</button>
      </form>
    </div>
  );
}
