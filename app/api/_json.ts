import type { ProjectSummary } from "@/db/projects";

export function projectJson(p: ProjectSummary) {
  const self = `/api/projects/${p.id}`;
  return {
    id: p.id,
    name: p.name,
    currentRevision: p.currentRevision,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    deletedAt: p.deletedAt ? p.deletedAt.toISOString() : null,
    links: { self, model: `${self}/model`, revisions: `${self}/revisions`, app: `/projects/${p.id}` },
  };
}
