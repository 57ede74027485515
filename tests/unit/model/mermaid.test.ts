import { describe, expect, it } from "vitest";
import {
  boundaryNodeId,
  diagramContent,
  elementNodeId,
  escapeLabel,
  flowEdgeId,
  modelIdFromMermaid,
  toMermaid,
} from "../../../lib/model/mermaid";
import { minimalModel, mustValidate, mustValidateText, readExample, smallModel } from "./helpers";

const small = () => mustValidate(smallModel());

/** Lines of Mermaid text, without indentation. */
const linesOf = (text: string) => text.split("\n").map((l) => l.trim()).filter(Boolean);

/** The line that defines a node, e.g. `el_pump("Pump firmware"):::process`. */
function nodeLine(text: string, modelId: string): string {
  const id = elementNodeId(modelId);
  const matches = linesOf(text).filter((l) => l.startsWith(id) && "[(".includes(l[id.length]));
  expect(matches, `node line of ${modelId}`).toHaveLength(1);
  return matches[0];
}

/** The line that draws a flow. */
function edgeLine(text: string, flowId: string): string {
  const matches = linesOf(text).filter((l) => l.includes(` ${flowEdgeId(flowId)}@`));
  expect(matches, `edge line of ${flowId}`).toHaveLength(1);
  return matches[0];
}

/**
 * Where each node and subgraph sits: maps a Mermaid id to the id of the innermost subgraph that
 * encloses it (undefined at top level), by following subgraph ... end blocks.
 */
function enclosing(text: string): Map<string, string | undefined> {
  const parent = new Map<string, string | undefined>();
  const stack: string[] = [];
  for (const line of linesOf(text)) {
    const sub = /^subgraph (\w+)\[/.exec(line);
    if (sub) {
      parent.set(sub[1], stack.at(-1));
      stack.push(sub[1]);
    } else if (line === "end") {
      expect(stack.length, "an end without a subgraph").toBeGreaterThan(0);
      stack.pop();
    } else {
      const node = /^(el_\w+)[[(]/.exec(line);
      if (node) parent.set(node[1], stack.at(-1));
    }
  }
  expect(stack, "unclosed subgraphs").toEqual([]);
  return parent;
}

/** Ids of the element nodes drawn. */
const drawnElements = (text: string) => [...enclosing(text).keys()].filter((k) => k.startsWith("el_")).map((k) => modelIdFromMermaid(k)).sort();
const drawnBoundaries = (text: string) => [...enclosing(text).keys()].filter((k) => k.startsWith("tb_")).map((k) => modelIdFromMermaid(k)).sort();
const drawnFlows = (text: string) =>
  linesOf(text)
    .map((l) => / (fl_\w+)@/.exec(l)?.[1])
    .filter((x): x is string => !!x)
    .map((k) => modelIdFromMermaid(k))
    .sort();

describe("flowchart structure", () => {
  it("starts with `flowchart LR` and ends with a newline", () => {
    const text = toMermaid(small());
    expect(text.startsWith("flowchart LR\n")).toBe(true);
    expect(text.endsWith("\n")).toBe(true);
  });

  it("draws each element type in its DFD shape", () => {
    const text = toMermaid(small());
    expect(nodeLine(text, "patient")).toBe('el_patient["Patient"]:::entity');
    expect(nodeLine(text, "pump")).toBe('el_pump("Pump firmware"):::process');
    expect(nodeLine(text, "pump-log")).toBe('el_pump_log[("Pump log")]:::store');
  });

  it("defines the classes it uses and styles every boundary as dashed", () => {
    const text = toMermaid(small());
    for (const cls of ["entity", "process", "store", "selected", "flagged"]) expect(text).toMatch(new RegExp(`^  classDef ${cls} `, "m"));
    for (const b of ["home", "body", "hospital"])
      expect(text).toMatch(new RegExp(`^  style ${boundaryNodeId(b)} .*stroke-dasharray`, "m"));
  });

  it("draws boundaries as nested subgraphs around their members", () => {
    const parent = enclosing(toMermaid(small()));
    expect(parent.get("tb_home")).toBeUndefined();
    expect(parent.get("tb_body")).toBe("tb_home");
    expect(parent.get("tb_hospital")).toBeUndefined();
    expect(parent.get("el_patient")).toBe("tb_home");
    expect(parent.get("el_pump")).toBe("tb_body");
    expect(parent.get("el_pump_log")).toBe("tb_body");
    expect(parent.get("el_ehr")).toBe("tb_hospital");
    expect(parent.get("el_app")).toBeUndefined();
  });

  it("nests the example's boundaries three deep", () => {
    const parent = enclosing(toMermaid(mustValidateText(readExample())));
    expect(parent.get("el_pump")).toBe("tb_pump_enclosure");
    expect(parent.get("tb_pump_enclosure")).toBe("tb_on_body");
    expect(parent.get("tb_on_body")).toBe("tb_patient_home");
    expect(parent.get("tb_patient_home")).toBeUndefined();
  });

  it("labels a boundary subgraph with its name", () => {
    expect(linesOf(toMermaid(small()))).toContain('subgraph tb_body["On the body"]');
  });
});

describe("flows", () => {
  it("labels a flow with its protocol", () => {
    expect(edgeLine(toMermaid(small()), "buttons")).toBe('el_patient fl_buttons@-->|"Keypad"| el_pump');
  });

  it("falls back to the channel's label when there is no protocol", () => {
    expect(edgeLine(toMermaid(small()), "logging")).toBe('el_pump fl_logging@-->|"Internal #40;bus or IPC#41;"| el_pump_log');
    expect(edgeLine(toMermaid(small()), "input")).toContain('|"User interface #40;screen, buttons#41;"|');
  });

  it("draws two-way flows with <--> and one-way flows with -->", () => {
    const text = toMermaid(small());
    expect(edgeLine(text, "commands")).toBe('el_app fl_commands@<-->|"BLE GATT"| el_pump');
    expect(edgeLine(text, "upload")).toMatch(/^el_app fl_upload@-->\|/);
  });

  it("draws every flow of the model when no diagram is given", () => {
    expect(drawnFlows(toMermaid(small()))).toEqual(["buttons", "commands", "input", "logging", "upload"]);
  });
});

describe("diagram filtering", () => {
  it("shows only the diagram's elements, the flows between them and the boundaries around them", () => {
    const text = toMermaid(small(), "therapy");
    expect(drawnElements(text)).toEqual(["patient", "pump", "pump-log"]);
    expect(drawnFlows(text)).toEqual(["buttons", "logging"]); // input, commands and upload have an end outside
    expect(drawnBoundaries(text)).toEqual(["body", "home"]); // hospital has nothing shown
    expect(text).not.toContain("tb_hospital");
  });

  it("shows a parent boundary even when only a nested boundary has shown elements", () => {
    const m = smallModel();
    m.diagrams.push({ id: "pump-only", name: "Pump only", elements: ["pump"] });
    const text = toMermaid(mustValidate(m), "pump-only");
    expect(drawnElements(text)).toEqual(["pump"]);
    expect(drawnBoundaries(text)).toEqual(["body", "home"]);
    expect(drawnFlows(text)).toEqual([]);
    expect(enclosing(text).get("tb_body")).toBe("tb_home");
  });

  it("the example's update-path diagram has exactly its elements", () => {
    const model = mustValidateText(readExample());
    const diagram = model.diagrams.find((d) => d.id === "update-path")!;
    const text = toMermaid(model, "update-path");
    expect(drawnElements(text)).toEqual([...diagram.elements].sort());
    expect(text).not.toContain("el_cgm");
    expect(text).not.toContain("tb_clinic_network");
    for (const id of drawnFlows(text)) {
      const flow = model.flows.find((f) => f.id === id)!;
      expect(diagram.elements).toContain(flow.from);
      expect(diagram.elements).toContain(flow.to);
    }
    // and every flow between two shown elements is drawn
    const between = model.flows.filter((f) => diagram.elements.includes(f.from) && diagram.elements.includes(f.to));
    expect(drawnFlows(text)).toEqual(between.map((f) => f.id).sort());
  });

  it("an empty diagram draws no elements, flows or boundaries", () => {
    const m = smallModel();
    m.diagrams.push({ id: "empty", name: "Empty" });
    const text = toMermaid(mustValidate(m), "empty");
    expect(drawnElements(text)).toEqual([]);
    expect(drawnFlows(text)).toEqual([]);
    expect(drawnBoundaries(text)).toEqual([]);
  });

  it("an unknown diagram id throws", () => {
    expect(() => toMermaid(small(), "nope")).toThrow('unknown diagram "nope"');
    expect(() => diagramContent(small(), "nope")).toThrow(/nope/);
  });

  it("diagramContent returns the model's objects for the diagram", () => {
    const content = diagramContent(small(), "therapy");
    expect(content.elements.map((e) => e.id).sort()).toEqual(["patient", "pump", "pump-log"]);
    expect(content.flows.map((f) => f.id).sort()).toEqual(["buttons", "logging"]);
    expect(content.boundaries.map((b) => b.id).sort()).toEqual(["body", "home"]);
  });
});

describe("escaping", () => {
  const NASTY = [
    'The "quoted" pump',
    "<script>alert(1)</script>",
    "close ] bracket",
    "open ( paren ) and { brace }",
    "pipe | pipe",
    "hash # and &amp; entity",
    "back`tick`",
    "two\nlines\r\nand\ttab",
    "end",
    "subgraph",
    "click callback",
    "style x fill:red",
    "a\\b",
  ];

  /** The text between the first and last double quote of a line. */
  const quotedPart = (line: string) => {
    const first = line.indexOf('"');
    const last = line.lastIndexOf('"');
    expect(last).toBeGreaterThan(first);
    return line.slice(first + 1, last);
  };
  const decode = (label: string) => label.replace(/#(\d+);/g, (_, code) => String.fromCharCode(Number(code)));

  const nastyModel = () => {
    const m = minimalModel();
    m.elements = NASTY.flatMap((name, i) => [
      { id: `ent-${i}`, type: "external-entity", name, kind: "other-system" },
      { id: `proc-${i}`, type: "process", name },
      { id: `store-${i}`, type: "data-store", name },
    ]);
    m.boundaries = NASTY.map((name, i) => ({ id: `zone-${i}`, name, contains: [`ent-${i}`, `proc-${i}`, `store-${i}`] }));
    m.flows = NASTY.map((protocol, i) => ({ id: `flow-${i}`, from: `ent-${i}`, to: `proc-${i}`, channel: "other", protocol }));
    return mustValidate(m);
  };

  it("labels contain no raw quote, angle bracket, bracket, parenthesis or pipe", () => {
    const text = toMermaid(nastyModel());
    NASTY.forEach((_, i) => {
      const lines = [
        nodeLine(text, `ent-${i}`),
        nodeLine(text, `proc-${i}`),
        nodeLine(text, `store-${i}`),
        edgeLine(text, `flow-${i}`),
        linesOf(text).find((l) => l.startsWith(`subgraph ${boundaryNodeId(`zone-${i}`)}[`))!,
      ];
      for (const line of lines) expect(quotedPart(line)).not.toMatch(/["<>[\]()|`{}\\]/);
    });
  });

  it("the node lines keep their shape around the escaped label", () => {
    const text = toMermaid(nastyModel());
    NASTY.forEach((_, i) => {
      expect(nodeLine(text, `ent-${i}`)).toMatch(/^el_ent_\d+\["[^"]*"\]:::entity$/);
      expect(nodeLine(text, `proc-${i}`)).toMatch(/^el_proc_\d+\("[^"]*"\):::process$/);
      expect(nodeLine(text, `store-${i}`)).toMatch(/^el_store_\d+\[\("[^"]*"\)\]:::store$/);
      expect(edgeLine(text, `flow-${i}`)).toMatch(/^el_ent_\d+ fl_flow_\d+@-->\|"[^"]*"\| el_proc_\d+$/);
    });
  });

  it("a newline in a name does not break the line; every line is one statement", () => {
    const text = toMermaid(nastyModel());
    const i = NASTY.indexOf("two\nlines\r\nand\ttab");
    expect(nodeLine(text, `proc-${i}`)).toBe(`el_proc_${i}("two lines and tab"):::process`);
    expect(text).not.toContain("\r");
    // the only statements are the header, subgraphs, ends, nodes, edges, classDefs, styles and class lines
    for (const line of linesOf(text)) expect(line).toMatch(/^(flowchart LR|subgraph |end$|el_|classDef |style |class )/);
  });

  it("the escapes decode back to the name (with whitespace collapsed)", () => {
    const text = toMermaid(nastyModel());
    NASTY.forEach((name, i) => {
      const expected = name.replace(/\s+/g, " ").trim();
      expect(decode(quotedPart(nodeLine(text, `proc-${i}`)))).toBe(expected);
      expect(decode(quotedPart(edgeLine(text, `flow-${i}`)))).toBe(expected);
    });
  });

  it("a Mermaid keyword as a name stays inside quotes and does not close a subgraph", () => {
    const text = toMermaid(nastyModel());
    const i = NASTY.indexOf("end");
    expect(nodeLine(text, `ent-${i}`)).toBe(`el_ent_${i}["end"]:::entity`);
    // subgraph/end balance is checked by enclosing(); every member sits in its own boundary
    const parent = enclosing(text);
    NASTY.forEach((_, j) => expect(parent.get(elementNodeId(`proc-${j}`))).toBe(boundaryNodeId(`zone-${j}`)));
  });

  it("escapeLabel uses #code; entities and collapses whitespace", () => {
    expect(escapeLabel('a "b"')).toBe("a #34;b#34;");
    expect(escapeLabel("<b>")).toBe("#60;b#62;");
    expect(escapeLabel("#")).toBe("#35;");
    expect(escapeLabel("  x \n\t y  ")).toBe("x y");
    expect(escapeLabel("plain text, with: punctuation.")).toBe("plain text, with: punctuation.");
  });
});

describe("Mermaid ids", () => {
  it.each(["pump", "insulin-pump", "a-b-c-d", "pump-2", "42", "x1-y2"])("modelIdFromMermaid inverts the ids of %j", (id) => {
    expect(modelIdFromMermaid(elementNodeId(id))).toBe(id);
    expect(modelIdFromMermaid(boundaryNodeId(id))).toBe(id);
    expect(modelIdFromMermaid(flowEdgeId(id))).toBe(id);
  });

  it("node ids never contain hyphens and carry a kind prefix", () => {
    expect(elementNodeId("insulin-pump")).toBe("el_insulin_pump");
    expect(boundaryNodeId("on-body")).toBe("tb_on_body");
    expect(flowEdgeId("app-cloud-sync")).toBe("fl_app_cloud_sync");
  });

  it.each(["pump", "xx_pump", "el-pump", "el_", "el_Pump", "el_pump extra", "subgraph"])("modelIdFromMermaid(%j) is undefined", (s) => {
    expect(modelIdFromMermaid(s)).toBeUndefined();
  });
});

describe("selected and flagged elements", () => {
  it("marks selected and flagged elements with class lines", () => {
    const text = toMermaid(small(), undefined, { selected: ["pump", "app"], flagged: ["ehr"] });
    const lines = linesOf(text);
    const selected = lines.filter((l) => l.startsWith("class ") && l.endsWith(" selected"));
    expect(selected).toHaveLength(1);
    expect(selected[0].slice("class ".length, -" selected".length).split(",").sort()).toEqual(["el_app", "el_pump"]);
    expect(lines).toContain("class el_ehr flagged");
  });

  it("only marks elements the diagram shows", () => {
    const text = toMermaid(small(), "therapy", { selected: ["pump", "app"], flagged: ["ehr"] });
    expect(linesOf(text)).toContain("class el_pump selected");
    expect(text).not.toContain("el_app");
    expect(text).not.toMatch(/ flagged$/m);
  });

  it("marks a selected flow's edge, only when the diagram draws it", () => {
    expect(linesOf(toMermaid(small(), undefined, { selected: ["commands"] }))).toContain("class fl_commands selectedFlow");
    expect(linesOf(toMermaid(small(), "therapy", { selected: ["commands"] })).filter((l) => l.startsWith("class "))).toEqual([]);
  });

  it("writes no class lines without a selection", () => {
    expect(linesOf(toMermaid(small())).filter((l) => l.startsWith("class "))).toEqual([]);
    expect(linesOf(toMermaid(small(), undefined, { selected: [], flagged: ["no-such-element"] })).filter((l) => l.startsWith("class "))).toEqual([]);
  });
});
