import { describe, expect, it } from "vitest";
import { formatIssue } from "../../../lib/model/issues";
import { validateModel, validateModelText } from "../../../lib/model/validate";
import { CHANNELS } from "../../../lib/model/vocabulary";
import { errorsFor, errorsOf, minimalModel, mustValidate, positionOf, readExample, readFixture, smallModel } from "./helpers";

/** The one error of an invalid raw model; fails when there are more or fewer. */
function onlyError(value: unknown) {
  const errors = errorsFor(value);
  expect(errors.map(formatIssue)).toHaveLength(1);
  return errors[0];
}

describe("valid models", () => {
  it("the insulin pump example validates with no errors and no warnings", () => {
    const result = validateModelText(readExample());
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([]);
    if (!result.ok) return;
    expect(result.model.elements).toHaveLength(17);
    expect(result.model.flows).toHaveLength(21);
    expect(result.model.boundaries).toHaveLength(7);
    expect(result.model.diagrams.map((d) => d.id)).toEqual(["system-context", "therapy-path", "update-path"]);
  });

  it("a minimal model (format version, project name, device name) validates and gets defaults", () => {
    const model = mustValidate(minimalModel());
    expect(model.project.name).toBe("Test project");
    expect(model.project.device).toEqual({ name: "Test device", version: "" });
    expect(model.project.regulation).toBe("MDR");
    expect(model.project.deviceKind).toBe("hardware-with-software");
    expect(model.elements).toEqual([]);
    expect(model.flows).toEqual([]);
    expect(model.assets).toEqual([]);
    expect(model.boundaries).toEqual([]);
    expect(model.diagrams).toEqual([]);
  });

  it("the minimal fixture file validates", () => {
    const result = validateModelText(readFixture("minimal.yaml"));
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([]);
  });

  it("the small model helper and the small-system fixture validate", () => {
    expect(validateModel(smallModel()).ok).toBe(true);
    expect(validateModelText(readFixture("small-system.yaml")).ok).toBe(true);
    expect(validateModelText(readFixture("small-system.json")).ok).toBe(true);
  });

  it("fills in flow defaults (one-way, initiated by `from`, nothing protected)", () => {
    const model = mustValidate(smallModel());
    const input = model.flows.find((f) => f.id === "input")!;
    expect(input).toMatchObject({
      direction: "one-way",
      initiator: "from",
      protocol: "",
      assets: [],
      encryption: { enabled: false, method: "" },
      authentication: { from: { enabled: false, method: "" }, to: { enabled: false, method: "" } },
      messageIntegrity: false,
      replayProtection: false,
    });
  });
});

describe("schema errors", () => {
  it("an unknown enum value names its path and lists the allowed values", () => {
    const m = smallModel();
    m.flows[0].channel = "bluetooth";
    const error = onlyError(m);
    expect(error.severity).toBe("error");
    expect(error.path).toBe("flows[0].channel");
    expect(error.message).toContain('"bluetooth" is not one of the allowed values');
    for (const channel of CHANNELS) expect(error.message).toContain(channel);
  });

  it("an unknown field is reported on its object", () => {
    const m = smallModel();
    m.elements[0].colour = "blue";
    const error = onlyError(m);
    expect(error.path).toBe("elements[0]");
    expect(error.message).toBe('unknown field "colour"');
  });

  it("several unknown fields on one object are reported together", () => {
    const m = minimalModel();
    m.project.colour = "blue";
    m.project.owner = "me";
    const error = onlyError(m);
    expect(error.path).toBe("project");
    expect(error.message).toBe('unknown fields "colour", "owner"');
  });

  it("an unknown top-level section is an unknown field of the root", () => {
    const m = minimalModel();
    m.threats = [];
    expect(onlyError(m)).toMatchObject({ path: "(root)", message: 'unknown field "threats"' });
  });

  it("a missing required field is reported as required at its own path", () => {
    const m = smallModel();
    delete m.elements[1].name;
    expect(onlyError(m)).toMatchObject({ path: "elements[1].name", message: "is required" });
  });

  it("a missing device name and a missing project are required", () => {
    const noDevice = minimalModel();
    delete noDevice.project.device.name;
    expect(onlyError(noDevice)).toMatchObject({ path: "project.device.name", message: "is required" });
    expect(onlyError({ medthreat: 1 })).toMatchObject({ path: "project", message: "is required" });
  });

  it("a blank name is refused", () => {
    const m = minimalModel();
    m.project.name = "   ";
    expect(onlyError(m)).toMatchObject({ path: "project.name", message: "must not be empty" });
  });

  it("an unknown element type names the allowed types", () => {
    const m = smallModel();
    m.elements[3].type = "server";
    const error = onlyError(m);
    expect(error.path).toBe("elements[3].type");
    expect(error.message).toContain('"external-entity", "process", "data-store"');
  });

  it.each([2, 0, "1"])("format version %j is refused", (version) => {
    const m = minimalModel();
    m.medthreat = version;
    expect(onlyError(m)).toMatchObject({ path: "medthreat", message: '"medthreat" must be the format version 1' });
  });

  it("a missing format version is required", () => {
    const m = minimalModel();
    delete m.medthreat;
    expect(onlyError(m)).toMatchObject({ path: "medthreat", message: "is required" });
  });

  it("a value that is not an object at all is refused at the root", () => {
    for (const value of [null, "model", 42, [minimalModel()]]) {
      const errors = errorsFor(value);
      expect(errors.length).toBeGreaterThan(0);
      expect(errors[0].path).toBe("(root)");
    }
  });
});

describe("id pattern", () => {
  it.each([
    ["upper case", "Pump"],
    ["underscore", "my_pump"],
    ["leading hyphen", "-pump"],
    ["trailing hyphen", "pump-"],
    ["double hyphen", "insulin--pump"],
    ["space", "insulin pump"],
    ["empty", ""],
  ])("refuses an id with %s (%j)", (_, id) => {
    const m = minimalModel();
    m.elements = [{ id, type: "process", name: "Pump" }];
    const error = onlyError(m);
    expect(error.path).toBe("elements[0].id");
    expect(error.message).toContain("lower-case letters and digits");
  });

  it("refuses an id longer than 64 characters and accepts one of exactly 64", () => {
    const m = minimalModel();
    m.elements = [{ id: "a".repeat(65), type: "process", name: "Pump" }];
    expect(onlyError(m)).toMatchObject({ path: "elements[0].id", message: "ids are at most 64 characters" });
    m.elements[0].id = "a".repeat(64);
    expect(validateModel(m).ok).toBe(true);
  });

  it("accepts digits and single hyphens", () => {
    const m = minimalModel();
    m.elements = [{ id: "pump-2-b", type: "process", name: "Pump" }, { id: "42", type: "process", name: "Answer" }];
    expect(validateModel(m).ok).toBe(true);
  });

  it("reports an invalid id in every section that has ids", () => {
    const m = smallModel();
    m.assets[0].id = "Key";
    m.boundaries[2].id = "Hospital";
    m.diagrams[1].id = "therapy_path";
    m.project.assumptions[0].id = "-asm";
    const paths = errorsFor(m).map((e) => e.path);
    for (const p of ["assets[0].id", "boundaries[2].id", "diagrams[1].id", "project.assumptions[0].id"]) expect(paths).toContain(p);
  });
});

describe("reference errors", () => {
  it("duplicate ids across sections: an element and a flow with the same id", () => {
    const m = smallModel();
    m.flows[2].id = "pump";
    const error = onlyError(m);
    expect(error.path).toBe("flows[2].id");
    expect(error.message).toContain('duplicate id "pump"');
    expect(error.message).toContain("already used by elements[0]");
  });

  it("duplicate ids between an assumption and an asset", () => {
    const m = smallModel();
    m.assets.push({ id: "asm-alpha", name: "Clash", kind: "other", confidentiality: "low", integrity: "low", availability: "low" });
    const error = onlyError(m);
    expect(error.path).toBe("assets[3].id");
    expect(error.message).toContain("already used by project.assumptions[1]");
  });

  it("a flow to an unknown element gives exactly the documented message (object input: no line)", () => {
    const m = smallModel();
    m.flows[3].to = "pmp";
    const error = onlyError(m);
    expect(formatIssue(error)).toBe('flows[3].to: unknown element "pmp"; did you mean "pump"?');
    expect(error.line).toBeUndefined();
    expect(error.column).toBeUndefined();
  });

  it("without a close id there is no suggestion: `flows[3].to: unknown element \"pmp\"`", () => {
    const m = minimalModel();
    m.elements = ["patient", "insulin-pump", "phone-app", "cloud-api"].map((id) => ({ id, type: "process", name: id }));
    m.flows = [
      { id: "f0", from: "patient", to: "insulin-pump", channel: "ble" },
      { id: "f1", from: "phone-app", to: "insulin-pump", channel: "ble" },
      { id: "f2", from: "phone-app", to: "cloud-api", channel: "internet" },
      { id: "f3", from: "phone-app", to: "pmp", channel: "ble" },
    ];
    const result = validateModel(m);
    expect(errorsOf(result).map(formatIssue)).toEqual(['flows[3].to: unknown element "pmp"']);
  });

  it("a flow to an unknown element, validated from text, carries the line and column of the value", () => {
    const text = readFixture("broken-unknown-element.yaml");
    const errors = errorsOf(validateModelText(text));
    expect(errors).toHaveLength(1);
    const { line, column } = positionOf(text, "to: pmp");
    expect(errors[0]).toMatchObject({ path: "flows[3].to", message: 'unknown element "pmp"', line, column: column + "to: ".length });
    expect(formatIssue(errors[0])).toBe(`flows[3].to: unknown element "pmp" (line ${line}, column ${column + 4})`);
  });

  it("a flow pointing at a boundary instead of an element says what the id is", () => {
    const m = smallModel();
    m.flows[0].to = "body";
    const error = onlyError(m);
    expect(error.path).toBe("flows[0].to");
    expect(error.message).toContain('"body" is a boundary (boundaries[1])');
    expect(error.message).toMatch(/not an? element/);
  });

  it("a flow pointing at an asset or another flow is refused too", () => {
    const m = smallModel();
    m.flows[0].from = "glucose";
    m.flows[1].to = "upload";
    const errors = errorsFor(m);
    expect(errors.map((e) => e.path)).toEqual(["flows[0].from", "flows[1].to"]);
    expect(errors[0].message).toMatch(/^"glucose" is an? asset \(assets\[1\]\), not an? element$/);
    expect(errors[1].message).toMatch(/^"upload" is an? flow \(flows\[4\]\), not an? element$/);
  });

  it("a flow from an element to itself is refused", () => {
    const m = smallModel();
    m.flows[4].to = "app";
    const error = onlyError(m);
    expect(error.path).toBe("flows[4].to");
    expect(error.message).toContain("two different elements");
    expect(error.message).toContain('"app" is at both ends');
  });

  it("an unknown asset reference in a flow and in a data store", () => {
    const m = smallModel();
    m.flows[1].assets = ["glucose", "insulin"];
    m.elements[2].assets = ["keys"];
    const errors = errorsFor(m);
    expect(errors.map((e) => e.path).sort()).toEqual(["elements[2].assets[0]", "flows[1].assets[1]"]);
    const flowError = errors.find((e) => e.path === "flows[1].assets[1]")!;
    expect(flowError.message).toMatch(/^unknown asset "insulin"/);
    expect(errors.find((e) => e.path === "elements[2].assets[0]")!.message).toBe('unknown asset "keys"; did you mean "key"?');
  });

  it("an asset list must name assets, not elements", () => {
    const m = smallModel();
    m.flows[1].assets = ["pump"];
    const error = onlyError(m);
    expect(error.path).toBe("flows[1].assets[0]");
    expect(error.message).toMatch(/^"pump" is an? element \(elements\[0\]\), not an? asset$/);
  });

  it("a diagram that lists an unknown element", () => {
    const m = smallModel();
    m.diagrams[1].elements.push("cloud");
    expect(onlyError(m)).toMatchObject({ path: "diagrams[1].elements[3]", message: 'unknown element "cloud"' });
  });

  it("an id list with a duplicate entry reports the second occurrence", () => {
    const m = smallModel();
    m.diagrams[1].elements = ["pump", "patient", "pump"];
    expect(onlyError(m)).toMatchObject({ path: "diagrams[1].elements[2]", message: '"pump" is listed twice' });
  });

  it("duplicate entries are reported in flow asset lists and boundary member lists too", () => {
    const m = smallModel();
    m.flows[1].assets = ["bolus", "bolus"];
    m.boundaries[2].contains = ["ehr", "ehr"];
    const errors = errorsFor(m);
    expect(errors.map((e) => e.path).sort()).toEqual(["boundaries[2].contains[1]", "flows[1].assets[1]"]);
    for (const e of errors) expect(e.message).toContain("is listed twice");
  });

  it("a role on an entity that is not a person", () => {
    const m = smallModel();
    m.elements[4].role = "clinician";
    const error = onlyError(m);
    expect(error.path).toBe("elements[4].role");
    expect(error.message).toContain('kind "person"');
  });

  it("a role on a person is fine", () => {
    const m = smallModel();
    m.elements[1].role = "caregiver";
    expect(validateModel(m).ok).toBe(true);
  });
});

describe("boundaries", () => {
  it("an element in two boundaries that are not nested is an overlap", () => {
    const m = smallModel();
    m.boundaries[2].contains.push("pump");
    const error = onlyError(m);
    expect(error.path).toBe("boundaries[2].contains[1]");
    expect(error.message).toContain('"pump" is also in boundary "body"');
    expect(error.message).toContain("do not overlap");
  });

  it("an element listed in both an outer and an inner boundary is also refused", () => {
    const m = smallModel();
    m.boundaries[0].contains.push("pump"); // home contains body, which already contains pump
    const error = onlyError(m);
    expect(error.path).toMatch(/^boundaries\[[01]\]\.contains\[\d+\]$/);
    expect(error.message).toContain("innermost boundary");
  });

  it("a boundary may not contain itself", () => {
    const m = smallModel();
    m.boundaries[2].contains.push("hospital");
    expect(onlyError(m)).toMatchObject({ path: "boundaries[2].contains[1]", message: 'boundary "hospital" cannot contain itself' });
  });

  it("boundaries that contain each other form a cycle, reported once with every boundary in it", () => {
    const m = smallModel();
    m.boundaries[1].contains.push("home"); // home ⊃ body ⊃ home
    const errors = errorsFor(m);
    expect(errors).toHaveLength(1);
    expect(errors[0].path).toBe("boundaries[0].contains");
    expect(errors[0].message).toBe("boundaries nest in a circle: home is inside body is inside home");
  });

  it("a longer cycle through three boundaries is found", () => {
    const m = minimalModel();
    m.boundaries = [
      { id: "a", name: "A", contains: ["b"] },
      { id: "b", name: "B", contains: ["c"] },
      { id: "c", name: "C", contains: ["a"] },
    ];
    const errors = errorsFor(m);
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(/circle: (\w is inside ){3}\w$/);
    expect(new Set(errors[0].message.split(": ")[1].split(" is inside "))).toEqual(new Set(["a", "b", "c"]));
  });

  it("a boundary can only contain elements and boundaries", () => {
    const m = smallModel();
    m.boundaries[2].contains.push("upload");
    const error = onlyError(m);
    expect(error.path).toBe("boundaries[2].contains[1]");
    expect(error.message).toContain('"upload" is a flow');
  });

  it("deep but proper nesting is fine", () => {
    const m = minimalModel();
    m.elements = [{ id: "core", type: "process", name: "Core" }];
    m.boundaries = Array.from({ length: 10 }, (_, i) => ({ id: `b${i}`, name: `B${i}`, contains: [i === 9 ? "core" : `b${i + 1}`] }));
    expect(validateModel(m).ok).toBe(true);
  });
});

describe("every error in one pass", () => {
  it("a file with three independent errors reports all three", () => {
    const errors = errorsOf(validateModelText(readFixture("broken-three-errors.yaml")));
    expect(errors.map((e) => e.path).sort()).toEqual(["elements[0]", "flows[0].channel", "flows[1].assets[1]"]);
    const byPath = Object.fromEntries(errors.map((e) => [e.path, e.message]));
    expect(byPath["elements[0]"]).toBe('unknown field "colour"');
    expect(byPath["flows[0].channel"]).toContain('"bluetooth" is not one of the allowed values');
    expect(byPath["flows[1].assets[1]"]).toBe('unknown asset "insulin-dose"');
    for (const e of errors) {
      expect(e.line).toBeGreaterThan(0);
      expect(e.column).toBeGreaterThan(0);
    }
  });

  it("schema errors and reference errors are reported together", () => {
    const m = smallModel();
    m.flows[0].channel = "carrier-pigeon"; // schema
    m.flows[1].to = "nowhere"; // reference
    m.elements[4].role = "clinician"; // reference
    m.boundaries[0].name = ""; // schema
    const paths = errorsFor(m).map((e) => e.path).sort();
    expect(paths).toEqual(["boundaries[0].name", "elements[4].role", "flows[0].channel", "flows[1].to"]);
  });
});

describe("warnings", () => {
  it("an element on no diagram and an empty boundary are warnings; the model stays valid", () => {
    const result = validateModelText(readFixture("warnings-only.yaml"));
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => [w.severity, w.path])).toEqual([
      ["warning", "elements[1]"],
      ["warning", "boundaries[0].contains"],
    ]);
    expect(result.warnings[0].message).toBe('"spare" is on no diagram');
    expect(result.warnings[1].message).toBe('boundary "empty" contains nothing');
    expect(result.warnings[0].line).toBeGreaterThan(0);
  });

  it("a model without diagrams gets no \"on no diagram\" warnings", () => {
    const m = smallModel();
    m.diagrams = [];
    const result = validateModel(m);
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([]);
  });

  it("warnings are still reported next to errors", () => {
    const m = smallModel();
    m.boundaries[2].contains = [];
    m.flows[0].channel = "bluetooth";
    const result = validateModel(m);
    expect(result.ok).toBe(false);
    expect(result.warnings.map((w) => w.path)).toEqual(["boundaries[2].contains"]);
  });
});
