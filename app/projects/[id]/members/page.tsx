import { forPage, pageActor } from "@/app/_server/pages";
import { membersPage } from "@/app/_server/members";
import { ACTION_LABELS, permissionsOf, ROLES } from "@/lib/access";
import { MembersView } from "./MembersView";

export const dynamic = "force-dynamic";

export default async function MembersPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await pageActor();
  const data = await forPage(() => membersPage(actor, id));
  const roles = ROLES.map((role) => ({ role, can: permissionsOf(role).map((a) => ACTION_LABELS[a]) }));
  return <MembersView projectId={id} members={data.members} canManage={data.canManage} actorId={data.actorId} roles={roles} />;
}
