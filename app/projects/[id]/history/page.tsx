import { projectForPage } from "@/app/_server/pages";
import { listRevisions } from "@/app/_server/projects";
import { RestoreRevisionButton } from "./RestoreRevisionButton";

export const dynamic = "force-dynamic";

export default async function HistoryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id, stored, actor } = await projectForPage(params);
  const revisions = await listRevisions(actor, id);
  return (
    <div className="card">
      <h2 className="mb-2">Revisions</h2>
      <p className="mb-3 text-sm text-slate-600">Every save is kept. Restoring an old revision saves it again as a new revision; nothing is overwritten.</p>
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 text-xs text-slate-500">
          <tr>
            <th className="py-1">Revision</th>
            <th>Change</th>
            <th>By</th>
            <th>When (UTC)</th>
            <th></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {revisions.map((r) => (
            <tr key={r.revision}>
              <td className="py-1.5 font-mono">{r.revision}</td>
              <td>{r.summary}</td>
              <td>{r.author}</td>
              <td className="whitespace-nowrap">{r.createdAt.toISOString().slice(0, 19).replace("T", " ")}</td>
              <td className="space-x-2 whitespace-nowrap text-right">
                <a href={`/api/projects/${id}/model?revision=${r.revision}&format=yaml`} target="_blank" rel="noreferrer">
                  View YAML
                </a>
                {r.revision !== stored.revision && <RestoreRevisionButton projectId={id} revision={r.revision} current={stored.revision} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
