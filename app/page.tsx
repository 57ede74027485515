import Link from "next/link";
import { listProjects } from "./_server/projects";
import { pageActor } from "./_server/pages";
import { restoreProjectAction } from "./actions/projects";
import { ImportForm, NewProjectForm } from "./_components/ProjectForms";

export const dynamic = "force-dynamic";

const when = (d: Date) => d.toISOString().slice(0, 16).replace("T", " ") + " UTC";

export default async function ProjectsPage() {
  const actor = await pageActor();
  const [projects, deleted] = await Promise.all([listProjects(actor), listProjects(actor, true)]);
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <section className="space-y-3 lg:col-span-2">
        <h1>Device projects</h1>
        {projects.length === 0 ? (
          <p className="text-slate-600">No projects yet. Create one or import a model file.</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" aria-label="Projects">
            {projects.map((p) => (
              <li key={p.id} className="flex items-center justify-between px-4 py-3">
                <Link href={`/projects/${p.id}`} className="font-medium">
                  {p.name}
                </Link>
                <span className="text-xs text-slate-500">
                  revision {p.currentRevision} · updated {when(p.updatedAt)}
                </span>
              </li>
            ))}
          </ul>
        )}
        {deleted.length > 0 && (
          <details className="rounded-lg border border-slate-200 bg-white px-4 py-2">
            <summary className="cursor-pointer text-sm text-slate-700">Trash ({deleted.length})</summary>
            <ul className="mt-2 space-y-2" aria-label="Deleted projects">
              {deleted.map((p) => (
                <li key={p.id} className="flex items-center justify-between text-sm">
                  <span>
                    {p.name} <span className="text-xs text-slate-500">deleted {p.deletedAt ? when(p.deletedAt) : ""}</span>
                  </span>
                  <form action={restoreProjectAction.bind(null, p.id)}>
                    <button className="btn">Restore</button>
                  </form>
                </li>
              ))}
            </ul>
          </details>
        )}
      </section>
      <aside className="space-y-6">
        <NewProjectForm />
        <ImportForm />
      </aside>
    </div>
  );
}
