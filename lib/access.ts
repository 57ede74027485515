/**
 * Who may do what in a project. Roles are per project; an administrator may do everything.
 * The server checks these on every read and every change (app/_server/access.ts).
 */

export const ROLES = ["owner", "editor", "reviewer", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = ["read", "comment", "review", "edit", "manage"] as const;
export type Action = (typeof ACTIONS)[number];

export const ACTION_LABELS: Record<Action, string> = {
  read: "read the project",
  comment: "comment",
  review: "sign off baselines and resolve comments",
  edit: "change the model and the assessment, and create baselines",
  manage: "manage members, rename, delete or restore the project",
};

const PERMISSIONS: Record<Role, readonly Action[]> = {
  owner: ["read", "comment", "review", "edit", "manage"],
  editor: ["read", "comment", "edit"],
  reviewer: ["read", "comment", "review"],
  viewer: ["read"],
};

export function allows(role: Role | undefined, action: Action, isAdmin = false): boolean {
  if (isAdmin) return true;
  return role !== undefined && PERMISSIONS[role].includes(action);
}

export const permissionsOf = (role: Role): readonly Action[] => PERMISSIONS[role];
