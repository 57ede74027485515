import type { Model } from "../model/schema";

/**
 * The part of a model a view shows: the given elements and the given flows between them, with all
 * boundaries (toMermaid draws only those around shown elements) and no diagrams, so that
 * `toMermaid(subModel(...))` draws exactly the selection. A flow is kept only when both its ends are.
 */
export function subModel(model: Model, elementIds: Iterable<string>, flowIds: Iterable<string>): Model {
  const elements = new Set(elementIds);
  const flows = new Set(flowIds);
  return {
    ...model,
    elements: model.elements.filter((e) => elements.has(e.id)),
    flows: model.flows.filter((f) => flows.has(f.id) && elements.has(f.from) && elements.has(f.to)),
    diagrams: [],
  };
}
