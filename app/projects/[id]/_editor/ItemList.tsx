"use client";

import type { Model } from "@/lib/model/schema";
import { label } from "@/lib/model/vocabulary";
import type { Section, Selection } from "./drafts";

export function ItemList({ model, diagramId, onSelect }: { model: Model; diagramId?: string; onSelect(s: Selection): void }) {
  const diagram = model.diagrams.find((d) => d.id === diagramId);
  const onDiagram = (id: string) => !diagram || diagram.elements.includes(id);
  const name = (id: string) => model.elements.find((e) => e.id === id)?.name ?? id;
  const groups: { section: Section; title: string; items: { id: string; text: string; note?: string; dim?: boolean }[] }[] = [
    {
      section: "elements",
      title: "Elements",
      items: model.elements.map((e) => ({ id: e.id, text: e.name, note: label(e.type), dim: !onDiagram(e.id) })),
    },
    {
      section: "flows",
      title: "Data flows",
      items: model.flows.map((f) => ({
        id: f.id,
        text: f.name || f.id,
        note: `${name(f.from)} → ${name(f.to)}`,
        dim: !(onDiagram(f.from) && onDiagram(f.to)),
      })),
    },
    { section: "boundaries", title: "Trust boundaries", items: model.boundaries.map((b) => ({ id: b.id, text: b.name, note: `${b.contains.length} inside` })) },
    { section: "assets", title: "Data assets", items: model.assets.map((a) => ({ id: a.id, text: a.name, note: label(a.kind) })) },
  ];
  return (
    <div className="space-y-4">
      {groups.map((g) => (
        <section key={g.section} aria-label={g.title}>
          <h2 className="mb-1 text-sm">
            {g.title} <span className="font-normal text-slate-500">({g.items.length})</span>
          </h2>
          {g.items.length === 0 ? (
            <p className="text-xs text-slate-500">None yet.</p>
          ) : (
            <ul className="max-h-64 divide-y divide-slate-100 overflow-auto text-sm">
              {g.items.map((item) => (
                <li key={item.id}>
                  <button
                    className={`flex w-full items-baseline justify-between gap-2 px-1 py-1 text-left hover:bg-slate-50 ${item.dim ? "opacity-60" : ""}`}
                    onClick={() => onSelect({ section: g.section, id: item.id })}
                  >
                    <span>{item.text}</span>
                    <span className="shrink-0 text-xs text-slate-500">{item.note}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
      {diagram && <p className="text-xs text-slate-500">Greyed items are not on the diagram “{diagram.name}”.</p>}
    </div>
  );
}
