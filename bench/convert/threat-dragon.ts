import type { ModelInput } from "../../lib/model/schema";
import { idMaker, MEDICAL_DEFAULTS, oneLine, type Conversion } from "./common";

/**
 * An OWASP Threat Dragon v2 model (JSON) to our model. A measurement aid for the noise benchmark.
 *
 * Maps: cells of type tm.Actor (external entity), tm.Process, tm.Store (data store), tm.Flow and
 * tm.Boundary / tm.BoundaryBox (trust boundaries), with the few security flags Threat Dragon has.
 *
 * Trust boundaries: a Threat Dragon boundary is either a box (a region) or, more often, a curve
 * drawn between elements, i.e. a line and not a region. Each boundary is read as a cut of the
 * diagram in two: a box into inside and outside (by the element's centre), a curve into its two
 * sides (the polyline through its source, vertices and target, extended at both ends along its
 * end segments; the side is found from the angle the line subtends at the element's centre).
 * Elements on the same side of every boundary share a region; each region becomes one of our
 * boundaries. A flow then crosses a boundary exactly when its ends lie on different sides of at
 * least one of the drawn boundaries. Nesting of boxes is flattened: our rules only ask whether
 * the two ends of a flow are in the same boundary.
 */

type Obj = Record<string, unknown>;
interface Point {
  x: number;
  y: number;
}
const obj = (v: unknown): Obj => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Obj) : {});
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.map(obj) : []);
const str = (v: unknown) => (typeof v === "string" ? v : "");
const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : 0);
const point = (v: unknown): Point | undefined => {
  const o = obj(v);
  return typeof o.x === "number" && typeof o.y === "number" ? { x: o.x, y: o.y } : undefined;
};

/** A flow end that is a loose point is attached to the element whose shape is at most this far away (px). */
const SNAP = 40;
const FAR = 1e6;

interface Shape {
  cell: Obj;
  id: string;
  centre: Point;
  box: { x: number; y: number; w: number; h: number };
}

function shapeOf(cell: Obj, id: string): Shape {
  const p = obj(cell.position);
  const s = obj(cell.size);
  const box = { x: num(p.x), y: num(p.y), w: num(s.width), h: num(s.height) };
  return { cell, id, box, centre: { x: box.x + box.w / 2, y: box.y + box.h / 2 } };
}

const distanceToBox = (q: Point, b: Shape["box"]) => Math.hypot(Math.max(b.x - q.x, 0, q.x - b.x - b.w), Math.max(b.y - q.y, 0, q.y - b.y - b.h));

/** Which side of an open polyline (extended at both ends) a point is on: 0 or 1. */
function sideOfCurve(line: Point[], q: Point): 0 | 1 {
  const unit = (a: Point, b: Point) => {
    const d = Math.hypot(a.x - b.x, a.y - b.y) || 1;
    return { x: (a.x - b.x) / d, y: (a.y - b.y) / d };
  };
  const d1 = unit(line[0], line[1]);
  const d2 = unit(line[line.length - 1], line[line.length - 2]);
  const path = [{ x: line[0].x + d1.x * FAR, y: line[0].y + d1.y * FAR }, ...line, { x: line[line.length - 1].x + d2.x * FAR, y: line[line.length - 1].y + d2.y * FAR }];
  let swept = 0;
  for (let i = 0; i + 1 < path.length; i++) {
    const a = { x: path[i].x - q.x, y: path[i].y - q.y };
    const b = { x: path[i + 1].x - q.x, y: path[i + 1].y - q.y };
    swept += Math.atan2(a.x * b.y - a.y * b.x, a.x * b.x + a.y * b.y);
  }
  // Seen from any point, the far ends lie in directions d1 and d2; the swept angle is the turn from
  // d1 to d2 on one side of the line and that turn minus a full circle on the other.
  let turn = Math.atan2(d1.x * d2.y - d1.y * d2.x, d1.x * d2.x + d1.y * d2.y);
  if (turn < 0) turn += 2 * Math.PI;
  return swept - turn > -Math.PI ? 0 : 1;
}

export function convertThreatDragon(input: unknown, source: string): Conversion {
  const td = obj(input);
  const summary = obj(td.summary);
  const title = oneLine(summary.title, "Threat Dragon model");
  const id = idMaker();
  const elements: NonNullable<ModelInput["elements"]> = [];
  const flows: NonNullable<ModelInput["flows"]> = [];
  const boundaries: NonNullable<ModelInput["boundaries"]> = [];
  const counts = { outOfScope: 0, snapped: 0, danglingDropped: 0, selfLoops: 0, curves: 0, boxes: 0, recordedThreats: 0 };
  const dropped = new Map<string, Set<string>>();
  const READ = new Set(["type", "name", "description", "threats", "hasOpenThreats", "threatFrequency", "isEncrypted", "isPublicNetwork", "isBidirectional", "protocol", "storesCredentials", "isWebApplication", "isTrustBoundary", "outOfScope", "reasonOutOfScope"]);
  const noteDropped = (type: string, data: Obj) => {
    for (const [key, value] of Object.entries(data))
      if (!READ.has(key) && value !== false && value !== "" && value !== null) (dropped.get(type) ?? dropped.set(type, new Set()).get(type)!).add(key);
  };

  list(obj(td.detail).diagrams).forEach((diagram, d) => {
    const cells = list(diagram.cells);
    const shapes = new Map<string, Shape>();
    for (const cell of cells) {
      const data = obj(cell.data);
      const type = str(data.type);
      counts.recordedThreats += Array.isArray(data.threats) ? data.threats.length : 0;
      if (!["tm.Actor", "tm.Process", "tm.Store"].includes(type)) continue;
      noteDropped(type, data);
      const name = oneLine(data.name, type.slice(3));
      const shape = shapeOf(cell, id(name, type.slice(3)));
      shapes.set(str(cell.id), shape);
      if (data.outOfScope === true) counts.outOfScope++;
      const common = { id: shape.id, name, description: str(data.description) };
      if (type === "tm.Actor") elements.push({ ...common, type: "external-entity", kind: "other-system" });
      else if (type === "tm.Store") elements.push({ ...common, type: "data-store", encryptedAtRest: data.isEncrypted === true, holdsSecrets: data.storesCredentials === true });
      else elements.push({ ...common, type: "process", technology: data.isWebApplication === true ? "web-application" : "other" });
    }

    // Regions: one bit per drawn boundary (inside/outside a box, side of a curve).
    const cuts: { name: string; kind: "box" | "curve"; side: (q: Point) => 0 | 1 }[] = [];
    for (const cell of cells) {
      const data = obj(cell.data);
      if (data.type === "tm.BoundaryBox") {
        counts.boxes++;
        const { box } = shapeOf(cell, "");
        cuts.push({ name: oneLine(data.name, `box ${cuts.length + 1}`), kind: "box", side: (q) => (q.x >= box.x && q.x <= box.x + box.w && q.y >= box.y && q.y <= box.y + box.h ? 1 : 0) });
      } else if (data.type === "tm.Boundary") {
        const line = [point(cell.source), ...list(cell.vertices).map(point), point(cell.target)].filter((p): p is Point => !!p);
        if (line.length < 2) continue;
        counts.curves++;
        cuts.push({ name: oneLine(data.name, `curve ${cuts.length + 1}`), kind: "curve", side: (q) => sideOfCurve(line, q) });
      }
    }
    const regions = new Map<string, string[]>();
    for (const shape of shapes.values()) {
      const key = cuts.map((c) => c.side(shape.centre)).join("");
      (regions.get(key) ?? regions.set(key, []).get(key)!).push(shape.id);
    }
    const anyCurve = cuts.some((c) => c.kind === "curve");
    let r = 0;
    for (const [key, members] of regions) {
      if (!key.includes("1") && !anyCurve) continue; // outside every box: no boundary
      r++;
      const where = cuts.map((c, i) => (c.kind === "box" ? `${key[i] === "1" ? "inside" : "outside"} box "${c.name}"` : `side ${key[i] === "1" ? "B" : "A"} of "${c.name}"`));
      boundaries.push({ id: id(`diagram ${d + 1} region ${r}`), name: oneLine(`Region ${r}: ${where.join("; ")}`, `Region ${r}`), contains: members });
    }

    const byPoint = (p: Point | undefined) => {
      if (!p) return undefined;
      let best: Shape | undefined;
      for (const s of shapes.values()) if (distanceToBox(p, s.box) <= SNAP && (!best || distanceToBox(p, s.box) < distanceToBox(p, best.box))) best = s;
      return best;
    };
    for (const cell of cells) {
      const data = obj(cell.data);
      if (data.type !== "tm.Flow") continue;
      noteDropped("tm.Flow", data);
      const end = (v: unknown) => {
        const s = shapes.get(str(obj(v).cell));
        if (s) return s;
        const snapped = byPoint(point(v));
        if (snapped) counts.snapped++;
        return snapped;
      };
      const from = end(cell.source);
      const to = end(cell.target);
      if (!from || !to) {
        counts.danglingDropped++;
        continue;
      }
      if (from === to) {
        counts.selfLoops++;
        continue;
      }
      if (data.outOfScope === true) counts.outOfScope++;
      const encrypted = data.isEncrypted === true;
      flows.push({
        id: id(str(data.name) ? `${from.id} ${str(data.name)}` : `${from.id} to ${to.id}`, "flow"),
        name: oneLine(data.name, ""),
        from: from.id,
        to: to.id,
        channel: data.isPublicNetwork === true ? "internet" : "other",
        protocol: oneLine(data.protocol, ""),
        direction: data.isBidirectional === true ? "two-way" : "one-way",
        encryption: { enabled: encrypted, method: encrypted ? "isEncrypted (Threat Dragon)" : "" },
        description: str(data.description),
      });
    }
  });

  return {
    label: `Threat Dragon: ${title}`,
    source,
    model: {
      medthreat: 1,
      project: { name: title, device: { name: title, version: "" }, intendedPurpose: str(summary.description) },
      elements,
      boundaries,
      flows,
    },
    mapped: [
      "tm.Actor → external entity (other system: Threat Dragon does not say whether an actor is a person); tm.Process → process (isWebApplication → web application); tm.Store → data store (isEncrypted → encryptedAtRest, storesCredentials → holdsSecrets)",
      "tm.Flow → flow: isEncrypted → encryption, isBidirectional → two-way, isPublicNetwork → channel internet (else other), protocol",
      `tm.Boundary (curve) and tm.BoundaryBox → regions: each boundary cuts the diagram in two (box: inside/outside; curve: its two sides, extended at the ends); elements on the same side of every boundary form one region, which becomes a boundary; box nesting is flattened`,
    ],
    dropped: [
      ...[...dropped].map(([type, keys]) => `set in this file: ${type} ${[...keys].sort().join(", ")}`),
      "never mapped: tm.Actor providesAuthentication; tm.Process privilegeLevel, handlesCardPayment, handlesGoodsOrServices; tm.Store isALog, isSigned; outOfScope flags; threats recorded in the file; text blocks",
    ],
    notInSource: ["data assets (Threat Dragon has none), so nothing a flow carries has a confidentiality, integrity or availability need", "authentication of either end", "message integrity, replay protection", "parses untrusted input, privileged execution, audit log", MEDICAL_DEFAULTS],
    notes: [
      `${counts.curves} boundary curves and ${counts.boxes} boundary boxes → ${boundaries.length} regions`,
      ...(counts.snapped ? [`${counts.snapped} flow ends that were loose points attached to the element within ${SNAP} px`] : []),
      ...(counts.danglingDropped ? [`${counts.danglingDropped} flows dropped: an end is not attached to an element`] : []),
      ...(counts.selfLoops ? [`${counts.selfLoops} flows from an element to itself dropped`] : []),
      `${counts.outOfScope} out-of-scope elements or flows kept (our model has no scope flag)`,
      `${counts.recordedThreats} threats recorded by hand in the Threat Dragon file (not generated by rules)`,
    ],
  };
}

/** Threats recorded in a Threat Dragon file (entered by its users; Threat Dragon does not generate them by rule). */
export function recordedThreats(input: unknown): number {
  return list(obj(obj(input).detail).diagrams)
    .flatMap((d) => list(d.cells))
    .reduce((n, c) => n + (Array.isArray(obj(c.data).threats) ? (obj(c.data).threats as unknown[]).length : 0), 0);
}
