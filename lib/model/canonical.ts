import { Model } from "./schema";
import { CLINICAL_FUNCTIONS, ENVIRONMENTS } from "./vocabulary";

const byId = <T extends { id: string }>(list: readonly T[]): T[] =>
  [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const sorted = (list: readonly string[]): string[] => [...list].sort();
const inOrder = <T extends string>(order: readonly T[], list: readonly T[]): T[] =>
  order.filter((v) => list.includes(v));

/**
 * Puts a model in its canonical form, the one every export writes: things with ids sorted by id,
 * sets sorted, keys in schema order. Diagram and assumption order is the user's and is kept.
 */
export function canonicalize(model: Model): Model {
  return Model.parse({
    ...model,
    project: { ...model.project, environments: inOrder(ENVIRONMENTS, model.project.environments) },
    assets: byId(model.assets),
    elements: byId(model.elements).map((el) => ({
      ...el,
      tags: sorted(el.tags),
      ...(el.type !== "external-entity" ? { clinicalFunctions: inOrder(CLINICAL_FUNCTIONS, el.clinicalFunctions) } : {}),
      ...(el.type === "data-store" ? { assets: sorted(el.assets) } : {}),
    })),
    boundaries: byId(model.boundaries).map((b) => ({ ...b, contains: sorted(b.contains) })),
    flows: byId(model.flows).map((f) => ({ ...f, assets: sorted(f.assets), tags: sorted(f.tags) })),
    diagrams: model.diagrams.map((d) => ({ ...d, elements: sorted(d.elements) })),
  });
}
