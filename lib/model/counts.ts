import type { Model } from "./schema";

/** How many of each kind of thing a model holds: what a receiver reports back so a sender can see nothing was lost. */
export interface ModelCounts {
  elements: number;
  flows: number;
  boundaries: number;
  assets: number;
  diagrams: number;
}

export const modelCounts = (model: Model): ModelCounts => ({
  elements: model.elements.length,
  flows: model.flows.length,
  boundaries: model.boundaries.length,
  assets: model.assets.length,
  diagrams: model.diagrams.length,
});
