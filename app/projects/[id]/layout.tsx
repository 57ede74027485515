import { notFound } from "next/navigation";
import { mayDo } from "@/app/_server/access";
import { projectForPage } from "@/app/_server/pages";
import { label } from "@/lib/model/vocabulary";
import { ProjectHeaderActions } from "./_components/ProjectHeaderActions";
import { ProjectTabs } from "./_components/ProjectTabs";

export const dynamic = "force-dynamic";

export default async function ProjectLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  const { id, stored, actor } = await projectForPage(params);
  if (stored.project.deletedAt) notFound();
  const canManage = await mayDo(actor, id, "manage");
  const { project } = stored.model;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 data-testid="project-name">{project.name}</h1>
          <p className="text-sm text-slate-600">
            {project.device.name}
            {project.device.version ? ` ${project.device.version}` : ""} · {project.regulation} · {label(project.deviceKind)} · revision{" "}
            <span data-testid="revision">{stored.revision}</span>
          </p>
        </div>
        <ProjectHeaderActions id={id} name={project.name} revision={stored.revision} canManage={canManage} />
      </div>
      <ProjectTabs id={id} />
      {children}
    </div>
  );
}
