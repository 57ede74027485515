"use client";

import { useMemo, useState } from "react";
import { toMermaid } from "@/lib/model/mermaid";
import type { ModelOperationInput } from "@/lib/model/operations";
import type { Model } from "@/lib/model/schema";
import type { ElementType } from "@/lib/model/vocabulary";
import { AssetForm } from "./AssetForm";
import { BoundaryForm } from "./BoundaryForm";
import { DiagramForm } from "./DiagramForm";
import { blankAsset, blankBoundary, blankDiagram, blankElement, blankFlow, type Section, type Selection } from "./drafts";
import { ElementForm } from "./ElementForm";
import { FlowForm } from "./FlowForm";
import { ItemList } from "./ItemList";
import { MermaidView } from "./MermaidView";
import { ConflictBanner, SavedNotice } from "./ConflictBanner";
import { useModelSaver } from "./useModelSaver";

const WHOLE_MODEL = "";

export function ModelEditor(props: { projectId: string; initialModel: Model; initialRevision: number; flagged: string[]; openThreats: number }) {
  const { projectId, initialModel, initialRevision } = props;
  const [diagramId, setDiagramId] = useState(initialModel.diagrams[0]?.id ?? WHOLE_MODEL);
  const [selection, setSelection] = useState<Selection>();
  const saver = useModelSaver<Selection>(projectId, initialModel, initialRevision, (after) => setSelection(after));
  const { model, busy, errors } = saver;

  const diagram = model.diagrams.find((d) => d.id === diagramId);
  const source = useMemo(
    () => toMermaid(model, diagram?.id, { selected: selection?.id ? [selection.id] : [], flagged: props.flagged }),
    [model, diagram?.id, selection?.id, props.flagged],
  );

  const select = (next: Selection | undefined) => {
    setSelection(next);
    saver.clearMessages();
  };
  const submit = saver.submit;

  const addElement = (type: ElementType) => select({ section: "elements", elementType: type });
  const formProps = { model, busy, errors, onCancel: () => select(undefined) };

  return (
    <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_26rem]">
      <section className="card space-y-3">
        <div className="flex flex-wrap items-center gap-1" role="tablist" aria-label="Diagrams">
          {model.diagrams.map((d) => (
            <button key={d.id} role="tab" aria-selected={d.id === diagramId} className={`btn ${d.id === diagramId ? "btn-primary" : ""}`} onClick={() => setDiagramId(d.id)}>
              {d.name}
            </button>
          ))}
          <button role="tab" aria-selected={diagramId === WHOLE_MODEL} className={`btn ${diagramId === WHOLE_MODEL ? "btn-primary" : ""}`} onClick={() => setDiagramId(WHOLE_MODEL)}>
            Whole model
          </button>
          <span className="mx-1 text-slate-300">|</span>
          {diagram && (
            <button className="btn" onClick={() => select({ section: "diagrams", id: diagram.id })}>
              Edit diagram
            </button>
          )}
          <button className="btn" onClick={() => select({ section: "diagrams" })}>
            New diagram
          </button>
        </div>
        {diagram?.description && <p className="text-sm text-slate-600">{diagram.description}</p>}
        <div className="flex flex-wrap gap-1">
          <button className="btn" onClick={() => addElement("external-entity")}>
            + External entity
          </button>
          <button className="btn" onClick={() => addElement("process")}>
            + Process
          </button>
          <button className="btn" onClick={() => addElement("data-store")}>
            + Data store
          </button>
          <button className="btn" onClick={() => select({ section: "flows" })} disabled={model.elements.length < 2}>
            + Data flow
          </button>
          <button className="btn" onClick={() => select({ section: "boundaries" })}>
            + Trust boundary
          </button>
          <button className="btn" onClick={() => select({ section: "assets" })}>
            + Data asset
          </button>
        </div>
        {model.elements.length === 0 ? (
          <p className="py-10 text-center text-slate-500">No elements yet. Add an external entity, a process or a data store to start the diagram.</p>
        ) : (
          <MermaidView source={source} onSelect={(id) => select(sectionOf(model, id))} />
        )}
        <p className="text-xs text-slate-500">
          Click an element, a trust boundary or a flow label in the diagram to edit it.{" "}
          {props.openThreats > 0 && (
            <span data-testid="open-threats-legend">
              Dashed orange outlines mark elements and flows with open threats ({props.openThreats} open; see the Threats tab).
            </span>
          )}
        </p>
      </section>

      <aside className="space-y-3">
        <SavedNotice notice={saver.notice} />
        {saver.conflict && (
          <ConflictBanner
            message={saver.conflict.message}
            busy={busy}
            onResolve={async (reapply) => {
              await saver.resolveConflict(reapply);
              if (!reapply) setSelection(undefined);
            }}
          />
        )}
        <div className="card">
          {!selection && <ItemList model={model} diagramId={diagram?.id} onSelect={select} />}
          {selection && <div key={`${selection.section}:${selection.id ?? `new-${selection.elementType ?? ""}`}`}>{selectedForm(selection)}</div>}
        </div>
      </aside>
    </div>
  );

  function selectedForm(selection: Selection) {
    const isNew = !selection.id;
    const del = (op: ModelOperationInput) => () => void submit(op, undefined);
    switch (selection.section) {
      case "elements": {
        const element = model.elements.find((e) => e.id === selection.id) ?? blankElement(selection.elementType ?? "process");
        return (
          <ElementForm
            {...formProps}
            element={element}
            isNew={isNew}
            onSave={(s) =>
              submit(
                { op: "upsert-element", element: s.element, previousId: s.previousId, boundaryId: s.boundaryId, diagramId: isNew ? diagram?.id : undefined },
                { section: "elements", id: s.element.id },
              )
            }
            onDelete={del({ op: "delete-element", id: element.id })}
          />
        );
      }
      case "flows": {
        const flow = model.flows.find((f) => f.id === selection.id) ?? blankFlow(model);
        return (
          <FlowForm
            {...formProps}
            flow={flow}
            isNew={isNew}
            onSave={(f, previousId) => submit({ op: "upsert-flow", flow: f, previousId }, { section: "flows", id: f.id })}
            onDelete={del({ op: "delete-flow", id: flow.id })}
          />
        );
      }
      case "boundaries": {
        const boundary = model.boundaries.find((b) => b.id === selection.id) ?? blankBoundary();
        return (
          <BoundaryForm
            {...formProps}
            boundary={boundary}
            isNew={isNew}
            onSave={(b, parentId, previousId) => submit({ op: "upsert-boundary", boundary: b, parentId, previousId }, { section: "boundaries", id: b.id })}
            onDelete={del({ op: "delete-boundary", id: boundary.id })}
          />
        );
      }
      case "assets": {
        const asset = model.assets.find((a) => a.id === selection.id) ?? blankAsset();
        return (
          <AssetForm
            {...formProps}
            asset={asset}
            isNew={isNew}
            onSave={(a, previousId) => submit({ op: "upsert-asset", asset: a, previousId }, { section: "assets", id: a.id })}
            onDelete={del({ op: "delete-asset", id: asset.id })}
          />
        );
      }
      case "diagrams": {
        const d = model.diagrams.find((x) => x.id === selection.id) ?? blankDiagram();
        return (
          <DiagramForm
            {...formProps}
            diagram={d}
            isNew={isNew}
            onSave={(next, previousId) => {
              setDiagramId(next.id);
              return submit({ op: "upsert-diagram", diagram: next, previousId }, undefined);
            }}
            onDelete={() => {
              setDiagramId(WHOLE_MODEL);
              return submit({ op: "delete-diagram", id: d.id }, undefined);
            }}
          />
        );
      }
    }
  }
}

function sectionOf(model: Model, id: string): Selection | undefined {
  const sections: [Section, { id: string }[]][] = [
    ["elements", model.elements],
    ["flows", model.flows],
    ["boundaries", model.boundaries],
  ];
  for (const [section, list] of sections) if (list.some((x) => x.id === id)) return { section, id };
  return undefined;
}
