import { validateProjectText } from "../../../lib/project/file";
import { analyzeModel } from "../../../lib/threats";
import type { Model } from "../../../lib/model/schema";
import type { Assessment } from "../../../lib/risk/assessment";
import type { TraceInput } from "../../../lib/trace/matrix";
import { exampleText } from "../../helpers/models";

const loaded = validateProjectText(exampleText());
if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join("; "));

/** The example project's model and assessment, as loaded from examples/insulin-pump-system.yaml. */
export const example = { model: loaded.model, assessment: loaded.assessment! };

/** The example project, optionally changed; analysed again so that a model change shows. */
export function input(change: (model: Model, assessment: Assessment) => void = () => {}): TraceInput {
  const model = structuredClone(example.model);
  const assessment = structuredClone(example.assessment);
  change(model, assessment);
  return { model, analysis: analyzeModel(model), assessment };
}

export const control = (a: Assessment, id: string) => a.controls.find((c) => c.id === id)!;
