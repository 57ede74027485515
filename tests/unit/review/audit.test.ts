import { describe, expect, it } from "vitest";
import { auditCsv, storedJson, type AuditEntryView } from "@/lib/review/audit";

const entry = (over: Partial<AuditEntryView>): AuditEntryView => ({
  id: 1,
  at: "2026-01-02T03:04:05.000Z",
  actorId: "u1",
  actorName: "Ada",
  action: "hazard.update",
  entityType: "hazard",
  entityId: "hz-1",
  summary: "",
  before: null,
  after: null,
  ...over,
});

describe("audit CSV", () => {
  it("has a header and one line per entry, before/after as JSON", () => {
    const csv = auditCsv([entry({ before: { title: "Overdose" }, after: { title: "Over-infusion" } })]);
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe("id,at,actor id,actor,action,entity type,entity id,summary,before,after");
    expect(lines[1]).toBe('1,2026-01-02T03:04:05.000Z,u1,Ada,hazard.update,hazard,hz-1,,"{""title"":""Overdose""}","{""title"":""Over-infusion""}"');
    expect(lines).toHaveLength(3);
  });

  it("defuses cells a spreadsheet would run as formulas", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) {
      const csv = auditCsv([entry({ actorName: `${start}HYPERLINK("http://evil")`, summary: `${start}1+1` })]);
      const row = csv.slice(csv.indexOf("\r\n") + 2, -2);
      expect(row.includes(`,${start}`) || row.includes(`,"${start}`)).toBe(false);
      expect(row).toContain(`'${start}`);
    }
  });

  it("reads stored JSON and keeps text that is not JSON", () => {
    expect(storedJson('{"a":1}')).toEqual({ a: 1 });
    expect(storedJson("plain")).toBe("plain");
    expect(storedJson(null)).toBeNull();
  });
});
