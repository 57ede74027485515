import { describe, expect, it } from "vitest";
import { parseText, serializeModel } from "../../../lib/model/format";
import { validateModelText } from "../../../lib/model/validate";
import { largeModel } from "../../helpers/models";
import { errorsOf, mustValidate, mustValidateText, positionOf } from "./helpers";

/**
 * Text that used to send the precise-diagnosis pass (the `yaml` library) into seconds of work and
 * gigabytes of memory, and large files the alias check mistook for alias bombs. Each finishes well
 * inside the test timeout now and still reports where the problem is.
 */

const HEAD = "medthreat: 1\nproject:\n  name: P\n  device:\n    name: D\nelements:\n  - id: a\n    type: process\n    name: A\n";

describe("hostile text is diagnosed in linear time", () => {
  it("a 3.9 MB line of compact sequence markers after a key is refused with its line and column", { timeout: 5000 }, () => {
    const text = HEAD + "    tags: " + "- ".repeat(1_950_000) + "x\n";
    expect(text.length).toBeGreaterThan(3_800_000);
    const result = parseText(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0].message).toMatch(/^syntax error: /);
    expect(result.issues[0].line).toBe(10);
  });

  it("a valid file of nested compact sequences with a schema error is located", () => {
    const text = HEAD + "    tags:\n" + ("      - " + "- ".repeat(30) + "x\n").repeat(2000) + "    regulation: FDA\n";
    const errors = errorsOf(validateModelText(text));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => e.line !== undefined)).toBe(true);
    expect(errors.find((e) => e.path === "elements[0]")).toMatchObject({ message: expect.stringContaining("regulation"), line: 7, column: 5 });
  });
});

describe("large files without aliases are not alias bombs", () => {
  it("the YAML export of a 2,000-element model reads back as the same model", () => {
    const model = mustValidate(largeModel(2000));
    const text = serializeModel(model, "yaml");
    expect(text).not.toMatch(/[&*]\w/);
    expect(serializeModel(mustValidateText(text), "yaml")).toBe(text);
  });

  it("a file of 20,000 plain values and no alias is read", () => {
    const text = Array.from({ length: 20_000 }, (_, i) => `key${i}: value ${i}`).join("\n") + "\n";
    expect(parseText(text).ok).toBe(true);
  });

  it("a file with a few aliases each reused a few times is still read", () => {
    const text = "shared: &tags [a, b, c]\n" + Array.from({ length: 50 }, (_, i) => `k${i}: *tags`).join("\n") + "\n";
    expect(parseText(text).ok).toBe(true);
  });

  it("an alias that expands to far more than the written file is still refused", () => {
    const big = `[${Array.from({ length: 1000 }, (_, i) => `v${i}`).join(", ")}]`;
    const text = `base: &b ${big}\n` + Array.from({ length: 90 }, (_, i) => `k${i}: *b`).join("\n") + "\n";
    const result = parseText(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0].message).toMatch(/expands YAML aliases too far .*90 aliases/);
  });
});

describe("errors are placed in the text", () => {
  const at = (text: string, path: string) => errorsOf(validateModelText(text)).find((e) => e.path === path);

  it("a scalar in a flow mapping, with quoted keys", () => {
    const text = 'medthreat: 1\nproject: { "name": P, device: { name: D }, regulation: FDA }\n';
    expect(at(text, "project.regulation")).toMatchObject(positionOf(text, "FDA"));
  });

  it("an item of a block sequence and of a flow sequence", () => {
    const base = HEAD + "boundaries:\n  - id: b\n    name: B\n";
    const block = base + "    contains:\n      - a\n      - nowhere\n";
    expect(at(block, "boundaries[0].contains[1]")).toMatchObject(positionOf(block, "nowhere"));
    const flow = base + "    contains: [a, 'nowhere']\n";
    expect(at(flow, "boundaries[0].contains[1]")).toMatchObject(positionOf(flow, "'nowhere'"));
  });

  it("a key of a nested mapping is not mistaken for its parent's key", () => {
    const text =
      HEAD +
      "  - id: b\n    type: process\n    name: B\nflows:\n  - id: f\n    from: a\n    authentication: { from: { enabled: true }, to: { enabled: true } }\n    to: nowhere\n";
    expect(at(text, "flows[0].to")).toMatchObject(positionOf(text, "nowhere"));
  });

  it("a value inside a multi-line description that looks like a key is not taken for one", () => {
    const text = HEAD + "    description: |\n      to: this is text\n    technology: quantum\n";
    expect(at(text, "elements[0].technology")).toMatchObject(positionOf(text, "quantum"));
  });
});
