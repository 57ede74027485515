import { describe, expect, it } from "vitest";
import { detectFormat, MAX_MODEL_BYTES, MAX_YAML_ALIASES, parseText } from "../../../lib/model/format";
import type { ModelIssue } from "../../../lib/model/issues";
import { validateModelText } from "../../../lib/model/validate";
import { errorsOf, mustValidateText, positionOf, readExample, readFixture } from "./helpers";

/** The issues of text that parseText must refuse. */
function refused(text: string, maxBytes?: number): ModelIssue[] {
  const result = parseText(text, maxBytes);
  if (result.ok) throw new Error("expected the text to be refused, but it parsed");
  expect(result.issues.length).toBeGreaterThan(0);
  for (const issue of result.issues) {
    expect(issue.severity).toBe("error");
    expect(issue.path).toBe("(file)");
  }
  return result.issues;
}

const MINIMAL_YAML = "medthreat: 1\nproject:\n  name: P\n  device:\n    name: D\n";

describe("syntax errors", () => {
  it("invalid YAML is refused with the line and column of the problem", () => {
    const text = readFixture("broken-syntax.yaml");
    const issues = refused(text);
    const at = positionOf(text, "@not-allowed");
    expect(issues[0].message).toMatch(/^syntax error: /);
    expect(issues[0].message).toContain("reserved character @");
    expect(issues[0]).toMatchObject({ line: at.line, column: at.column });
  });

  it("invalid JSON is refused with the line and column of the problem", () => {
    const text = readFixture("broken-syntax.json");
    const issues = refused(text);
    const at = positionOf(text, "@oops");
    expect(issues[0].message).toMatch(/^syntax error: /);
    expect(issues[0]).toMatchObject({ line: at.line, column: at.column });
  });

  it("JSON with a missing closing brace is refused with a position", () => {
    const issues = refused('{\n  "medthreat": 1,\n  "project": { "name": "P"\n');
    expect(issues[0].line).toBeGreaterThanOrEqual(3);
    expect(issues[0].column).toBeGreaterThan(0);
  });

  it("JSON with a missing comma is refused", () => {
    const issues = refused('{\n  "medthreat": 1\n  "project": {}\n}\n');
    expect(issues[0].line).toBe(2);
  });

  it("validateModelText returns syntax errors as file errors (and no warnings)", () => {
    const result = validateModelText(readFixture("broken-syntax.yaml"));
    expect(result.ok).toBe(false);
    expect(result.warnings).toEqual([]);
    expect(errorsOf(result)[0].path).toBe("(file)");
  });
});

describe("empty and oversized files", () => {
  it.each([["empty", ""], ["blank", "   \n\n\t \n"]])("refuses a%s file", (_, text) => {
    expect(refused(text).map((i) => i.message)).toEqual(["the file is empty"]);
  });

  it("a file with only a comment is not a model", () => {
    expect(validateModelText("# nothing here\n").ok).toBe(false);
  });

  it("MAX_MODEL_BYTES is 32 MiB", () => {
    expect(MAX_MODEL_BYTES).toBe(32 * 1024 * 1024);
  });

  it("refuses text above maxBytes and names both sizes", () => {
    const text = MINIMAL_YAML + "# " + "x".repeat(200) + "\n";
    const bytes = Buffer.byteLength(text);
    const [issue] = refused(text, 100);
    expect(issue.message).toContain(`the file is ${bytes} bytes`);
    expect(issue.message).toContain("the limit is 100 bytes");
  });

  it("accepts text of exactly maxBytes", () => {
    const bytes = Buffer.byteLength(MINIMAL_YAML);
    expect(parseText(MINIMAL_YAML, bytes).ok).toBe(true);
    expect(parseText(MINIMAL_YAML, bytes - 1).ok).toBe(false);
  });

  it("measures the limit in UTF-8 bytes, not characters", () => {
    const text = "name: " + "é".repeat(60) + "\n"; // 67 characters, 127 bytes
    expect(text.length).toBeLessThan(100);
    expect(refused(text, 100)[0].message).toContain("the file is 127 bytes");
  });

  it("validateModelText passes maxBytes through", () => {
    const result = validateModelText(MINIMAL_YAML, { maxBytes: 10 });
    expect(errorsOf(result)[0].message).toContain("the limit is 10 bytes");
    expect(validateModelText(MINIMAL_YAML).ok).toBe(true);
  });
});

describe("hostile input", () => {
  it("refuses a billion-laughs alias bomb", () => {
    const text = readFixture("alias-bomb.yaml");
    const [issue] = refused(text);
    expect(issue.message).toContain("aliases");
    expect(issue.message).toContain(`more than ${MAX_YAML_ALIASES}`);
    expect(validateModelText(text).ok).toBe(false);
  });

  it("still accepts a few aliases", () => {
    const result = parseText("shared: &name Pump\nfirst: *name\nsecond: *name\n");
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.parsed.value).toEqual({ shared: "Pump", first: "Pump", second: "Pump" });
  });

  it("refuses deeply nested brackets before parsing", () => {
    const [issue] = refused("a: " + "[".repeat(5000) + "]".repeat(5000) + "\n");
    expect(issue.message).toBe("the file nests 5000 levels deep; a model needs at most 64");
  });

  it("refuses deeply nested JSON objects", () => {
    const text = '{"a":'.repeat(100) + "1" + "}".repeat(100);
    expect(refused(text)[0].message).toContain("nests 100 levels deep");
  });

  it("allows 64 levels of brackets but not 65", () => {
    const nest = (n: number) => "a: " + "[".repeat(n) + "]".repeat(n) + "\n";
    expect(parseText(nest(64)).ok).toBe(true);
    expect(refused(nest(65))[0].message).toContain("nests 65 levels deep");
  });

  it("does not count brackets inside double-quoted strings", () => {
    const result = parseText(`name: "${"[".repeat(100)}"\n`);
    expect(result.ok).toBe(true);
  });

  it("refuses deeply nested block sequences with the depth message, not a stack overflow", () => {
    const [issue] = refused("a:\n  " + "- ".repeat(3000) + "x\n");
    expect(issue.message).toMatch(/nests too deeply/);
    expect(issue.message).not.toMatch(/call stack/);
  });

  it("refuses multiple YAML documents", () => {
    const text = readFixture("multi-document.yaml");
    const issues = refused(text);
    expect(issues[0].message).toBe("syntax error: the file holds more than one YAML document; a model is one document");
    expect(issues[0].line).toBe(positionOf(text, "---").line);
  });

  it("refuses duplicate keys in YAML", () => {
    const text = readFixture("duplicate-key.yaml");
    const [issue] = refused(text);
    expect(issue.message).toMatch(/^syntax error: .*unique/);
    expect(issue.line).toBe(positionOf(text, "  name: Duplicate key again").line);
  });

  it("refuses duplicate keys in JSON (which JSON.parse would silently accept)", () => {
    const text = readFixture("duplicate-key.json");
    expect(() => JSON.parse(text)).not.toThrow();
    const [issue] = refused(text);
    expect(issue.message).toMatch(/unique/);
    expect(issue.line).toBe(4);
  });

  it("refuses unknown YAML tags such as !!js/function", () => {
    const text = readFixture("js-function-tag.yaml");
    const [issue] = refused(text);
    expect(issue.message).toContain("js/function");
    expect(issue.line).toBe(3);
  });

  it("refuses local tags too", () => {
    expect(refused("medthreat: !custom 1\n")[0].message).toMatch(/tag/i);
  });
});

describe("YAML and JSON input", () => {
  it("the same model written as YAML and as JSON validates to the same model", () => {
    const fromYaml = mustValidateText(readFixture("small-system.yaml"));
    const fromJson = mustValidateText(readFixture("small-system.json"));
    expect(fromJson).toEqual(fromYaml);
    expect(fromYaml.elements.length).toBe(5);
  });

  it("the example converted to JSON validates to the same model", () => {
    const yaml = readExample();
    const parsed = parseText(yaml);
    if (!parsed.ok) throw new Error("example does not parse");
    const json = JSON.stringify(parsed.parsed.value, null, 2);
    expect(mustValidateText(json)).toEqual(mustValidateText(yaml));
  });

  it("reads tab-indented JSON", () => {
    const text = JSON.stringify({ medthreat: 1, project: { name: "P", device: { name: "D" } } }, null, "\t");
    expect(mustValidateText(text).project.name).toBe("P");
  });

  it("JSON errors carry line numbers like YAML ones", () => {
    const text = '{\n  "medthreat": 1,\n  "project": {\n    "name": "P",\n    "device": { "name": "D" },\n    "regulation": "FDA"\n  }\n}\n';
    const [error] = errorsOf(validateModelText(text));
    expect(error.path).toBe("project.regulation");
    expect(error).toMatchObject(positionOf(text, '"FDA"'));
  });

  it("locates a missing field at its parent object", () => {
    const text = "medthreat: 1\nproject:\n  name: P\n  device:\n    version: '1'\n";
    const [error] = errorsOf(validateModelText(text));
    expect(error).toMatchObject({ path: "project.device.name", message: "is required", line: 5, column: 5 });
  });
});

describe("detectFormat", () => {
  it("trusts a .json or .yaml/.yml extension, in any case, over the content", () => {
    expect(detectFormat("a: 1", "model.json")).toBe("json");
    expect(detectFormat("a: 1", "MODEL.JSON")).toBe("json");
    expect(detectFormat("{}", "model.yaml")).toBe("yaml");
    expect(detectFormat("{}", "model.yml")).toBe("yaml");
    expect(detectFormat("[]", "Model.YML")).toBe("yaml");
  });

  it("sniffs the content otherwise: { or [ first means JSON", () => {
    expect(detectFormat('{"medthreat": 1}')).toBe("json");
    expect(detectFormat("[1, 2]")).toBe("json");
    expect(detectFormat("\n  \t{")).toBe("json");
    expect(detectFormat("medthreat: 1")).toBe("yaml");
    expect(detectFormat("# {comment}\nmedthreat: 1")).toBe("yaml");
    expect(detectFormat("")).toBe("yaml");
  });

  it("ignores an extension it does not know", () => {
    expect(detectFormat("{}", "model.txt")).toBe("json");
    expect(detectFormat("a: 1", "model.txt")).toBe("yaml");
    expect(detectFormat("a: 1", "json")).toBe("yaml");
  });
});
