import { capabilityByCode } from "../../catalog";
import { controlById as libraryControl } from "../../controls";
import { parentMap } from "../../model/mermaid";
import type { Flow, Model } from "../../model/schema";
import type { ProjectControl } from "../../risk/assessment";

/** Facts about a model and its controls that the user-facing documents (IFU, MDS2, FDA views) share. */

/** How a document marks what the model cannot supply. */
export const GAP = "To be completed by the manufacturer:";
export const gap = (what: string) => `${GAP} ${what}`;

/** A flow whose ends lie in different trust boundaries (or one inside a boundary and one outside all). */
export function crossesTrustBoundary(model: Pick<Model, "boundaries">, flow: Flow, parent = parentMap(model)): boolean {
  return (parent.get(flow.from) ?? "") !== (parent.get(flow.to) ?? "");
}

/** Port numbers of a flow: its tags `port:<n>` (or `port:<n>/tcp`), else a port named in the protocol ("TCP 2575", "port 443", "UDP/5353"). */
export function flowPorts(flow: Flow): string[] {
  const tagged = flow.tags.map((t) => /^port:\s*(\d{1,5}(?:\/(?:tcp|udp))?)$/i.exec(t.trim())?.[1]).filter((p): p is string => !!p);
  if (tagged.length) return tagged;
  const m = /\b(?:port|tcp|udp)\s*[:/]?\s*(\d{1,5})\b/i.exec(flow.protocol);
  return m ? [m[1]] : [];
}

/** The IEC TR 80001-2-2 capabilities a project control provides: its own list, or its library entry's when it lists none. */
export function controlCapabilities(control: ProjectControl): string[] {
  const own = control.capabilities.filter((c) => capabilityByCode(c));
  if (own.length) return own;
  return [...(control.libraryId ? libraryControl(control.libraryId)?.capabilities ?? [] : [])];
}

/** What users or operators must do for a control: its IFU text, else the library's wording (flagged), else a gap. */
export function operatorText(control: ProjectControl): string {
  if (control.ifuText) return control.ifuText;
  const action = control.libraryId ? libraryControl(control.libraryId)?.operatorAction : undefined;
  return action ? `${action} (control library wording; adapt it for the IFU)` : gap("the text the IFU gives users for this control.");
}
