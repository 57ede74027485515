import { strFromU8, strToU8, unzipSync } from "fflate";
import { describe, expect, it, vi } from "vitest";
import { zipFiles, zipTime } from "../../../lib/reports/render/zip";
import { solidPng } from "./render-fixture";

const files = () => [
  { name: "threat-model.md", data: strToU8("# Threat model <report>\n") },
  { name: "annex-i-checklist-requirements.csv", data: strToU8("Id,Title\r\nMDR-17.2,x\r\n") },
  { name: "diagram.png", data: solidPng(4, 3) },
];

describe("zipFiles", () => {
  it("round-trips every file, with names in sorted order", () => {
    const zip = zipFiles(files(), "2026-03-14");
    const back = unzipSync(zip);
    expect(Object.keys(back)).toEqual(["annex-i-checklist-requirements.csv", "diagram.png", "threat-model.md"]);
    expect(strFromU8(back["threat-model.md"])).toBe("# Threat model <report>\n");
    expect(back["diagram.png"]).toEqual(solidPng(4, 3));
  });

  it("gives byte-identical archives for the same files and date, whatever the order or the clock", () => {
    const first = zipFiles(files(), "2026-03-14");
    vi.useFakeTimers({ now: new Date("2031-07-09T17:45:13Z") });
    const second = zipFiles([...files()].reverse(), "2026-03-14");
    vi.useRealTimers();
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    expect(Buffer.from(zipFiles(files(), "2026-03-15")).equals(Buffer.from(first))).toBe(false);
  });

  it("stamps every entry with the source date", () => {
    const zip = zipFiles(files(), "2026-03-14");
    // Local file header: DOS date at offset 12 (day, month << 5, (year - 1980) << 9).
    const view = new DataView(zip.buffer, zip.byteOffset);
    const dosDate = view.getUint16(12, true);
    expect({ year: (dosDate >> 9) + 1980, month: (dosDate >> 5) & 15, day: dosDate & 31 }).toEqual({ year: 2026, month: 3, day: 14 });
    expect(zipTime(undefined).getFullYear()).toBe(1980);
  });

  it("refuses two files with one name", () => {
    expect(() => zipFiles([...files(), { name: "diagram.png", data: new Uint8Array() }])).toThrow(/two files named "diagram.png"/);
  });
});
