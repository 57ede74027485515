"use client";

import { useEffect, useRef, useState } from "react";
import { modelIdFromMermaid } from "@/lib/model/mermaid";

let renderCount = 0;
let queue: Promise<unknown> = Promise.resolve();

/** Renders Mermaid text (securityLevel strict) and reports clicks on elements, boundaries and flow labels as model ids. */
export function MermaidView({ source, onSelect }: { source: string; onSelect(id: string): void }) {
  const ref = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string>();
  const [rendering, setRendering] = useState(true);
  const [zoom, setZoom] = useState<"actual" | "fit">("actual");

  useEffect(() => {
    let cancelled = false;
    setRendering(true);
    queue = queue.then(async () => {
      if (cancelled) return;
      const mermaid = (await import("mermaid")).default;
      mermaid.initialize({ startOnLoad: false, securityLevel: "strict", theme: "default", flowchart: { htmlLabels: true } });
      try {
        const { svg } = await mermaid.render(`mt-diagram-${++renderCount}`, source);
        if (cancelled || !ref.current) return;
        ref.current.innerHTML = svg;
        setError(undefined);
      } catch (e) {
        if (!cancelled) setError((e as Error).message);
      } finally {
        if (!cancelled) setRendering(false);
      }
    });
    return () => {
      cancelled = true;
    };
  }, [source]);

  const click = (event: React.MouseEvent) => {
    const target = event.target as Element;
    const labelled = target.closest("[data-id]");
    const fromData = labelled && modelIdFromMermaid(labelled.getAttribute("data-id") ?? "");
    if (fromData) return onSelect(fromData);
    const node = target.closest("g.node, g.cluster");
    const m = node?.id.match(/((?:el|tb)_[a-z0-9_]+?)(?:-\d+)?$/);
    const id = m && modelIdFromMermaid(m[1]);
    if (id) onSelect(id);
  };

  return (
    <div className="relative">
      <div className="absolute right-2 top-2 z-10 flex items-center gap-2">
        {rendering && <span className="text-xs text-slate-500">Drawing…</span>}
        <button type="button" className="btn py-0.5 text-xs" onClick={() => setZoom((z) => (z === "fit" ? "actual" : "fit"))}>
          {zoom === "fit" ? "Actual size" : "Fit to width"}
        </button>
      </div>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          The diagram could not be drawn: {error}
        </p>
      )}
      <div ref={ref} onClick={click} className="mermaid-view max-h-[75vh] min-h-40 overflow-auto pt-8" data-zoom={zoom} data-testid="diagram" />
    </div>
  );
}
