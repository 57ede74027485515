import { CONNECTIVITY_CONTROLS } from "./connectivity";
import { DEVICE_CONTROLS } from "./device";
import { INFORMATION_CONTROLS } from "./information";
import { LIFECYCLE_CONTROLS } from "./lifecycle";
import type { ControlType, SecurityControl } from "./types";

export * from "./types";

/** Version of the control library; bump it whenever a control is added, changed or withdrawn. */
export const CONTROL_LIBRARY_VERSION = "2026.11.1";

/** Every built-in security control: device, connectivity and cloud, lifecycle, information for security. */
export const CONTROL_LIBRARY: readonly SecurityControl[] = [
  ...DEVICE_CONTROLS,
  ...CONNECTIVITY_CONTROLS,
  ...LIFECYCLE_CONTROLS,
  ...INFORMATION_CONTROLS,
];

const index = new Map<string, SecurityControl>(CONTROL_LIBRARY.map((c) => [c.id, c]));

export function controlById(id: string): SecurityControl | undefined {
  return index.get(id);
}

/** MDCG 2019-16 §3.3 rank of a control type: 1 secure design, 2 protective measure, 3 information for security. */
export const CONTROL_TYPE_RANK: Record<ControlType, 1 | 2 | 3> = {
  "secure-design": 1,
  "protective-measure": 2,
  "information-for-security": 3,
};

/**
 * The controls a rule names (its `controls` field), in the rule's order; unknown ids are skipped
 * (built-in rules have none, see tests/unit/controls/library.test.ts).
 */
export function controlsFor(rule: { readonly controls?: readonly string[] }): SecurityControl[] {
  return (rule.controls ?? []).flatMap((id) => index.get(id) ?? []);
}
