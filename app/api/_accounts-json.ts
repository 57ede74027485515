import type { AccountView, TokenView } from "../_server/accounts";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const tokenJson = (t: TokenView) => ({ id: t.id, name: t.name, prefix: t.prefix, createdAt: iso(t.createdAt), lastUsedAt: iso(t.lastUsedAt), revokedAt: iso(t.revokedAt) });

export const accountJson = (a: AccountView) => ({ id: a.id, email: a.email, name: a.name, isAdmin: a.isAdmin, disabled: a.disabled, createdAt: iso(a.createdAt) });
