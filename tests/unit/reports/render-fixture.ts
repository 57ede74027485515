import { crc32, deflateSync } from "node:zlib";
import type { ReportDocument } from "../../../lib/reports/document";

/** A hand-made document with every block kind, and names full of characters HTML, Markdown and Mermaid treat specially. */

export const TRICKY = `Pump <b>"A"</b> & | co`;

export const DIAGRAM_SOURCE = `flowchart LR
  subgraph tb_hospital["Hospital #60;LAN#62; #38; #34;ward#34;"]
    el_pump("Infusion pump #124; v2"):::process
    el_store[("Dose log")]:::store
  end
  el_nurse["Nurse #60;script#62;"]:::entity
  el_nurse fl_bolus@-->|"Bolus command"| el_pump
  el_pump fl_log@<-->|"HTTPS #62;= 1.2"| el_store
  classDef entity fill:#eef2ff,stroke:#3730a3,stroke-width:1px
  classDef process fill:#ecfdf5,stroke:#047857,stroke-width:1px
  classDef store fill:#fffbeb,stroke:#b45309,stroke-width:1px
`;

export function sampleDocument(): ReportDocument {
  return {
    id: "threat-model",
    title: "Threat model report",
    meta: {
      project: `Project ${TRICKY}`,
      device: "Infusion pump",
      deviceVersion: "2.1",
      regulation: "MDR",
      source: { kind: "baseline", label: `baseline "Submission <1>"`, contentHash: "ab".repeat(32), date: "2026-03-14" },
      libraryVersion: "2026.1",
      generator: "medthreat 0.1.0",
    },
    blocks: [
      { kind: "definitions", items: [{ term: "Project", description: `Project ${TRICKY}` }, { term: "Content hash (SHA-256)", description: [{ text: "ab".repeat(32), code: true }] }] },
      { kind: "heading", level: 1, text: `Scope of ${TRICKY}`, id: "scope" },
      {
        kind: "paragraph",
        content: ["Plain ", { text: "bold <strong>", strong: true }, " and ", { text: "code | pipe", code: true }, " and ", { text: "a link", href: "https://example.org/?a=1&b=2" }, " and ", { text: "bad link", href: "javascript:alert(1)" }, " and ", { text: "back to scope", href: "#scope" }, "."],
      },
      { kind: "list", items: ["First <item>", [{ text: "Second", strong: true }, " & more"]] },
      { kind: "list", ordered: true, items: ["Step one", "Step two"] },
      { kind: "heading", level: 2, text: "Threats" },
      {
        kind: "table",
        id: "threats",
        caption: "Threats <per element>",
        columns: [
          { key: "id", header: "Threat id", width: 1 },
          { key: "title", header: "Title", width: 3 },
          { key: "status", header: "Status | decision" },
        ],
        rows: [
          { id: "T-0001", title: `Spoofing of ${TRICKY}`, status: "open" },
          { id: "T-0002", title: "=cmd|' /C calc'!A0", status: "mitigated\nverified" },
        ],
      },
      { kind: "table", id: "empty", caption: "Nothing here", columns: [{ key: "a", header: "A" }], rows: [] },
      { kind: "note", tone: "info", content: "Scores use CVSS 3.1 <base>." },
      { kind: "note", tone: "warning", content: [{ text: "Open threats", strong: true }, " remain."] },
      { kind: "page-break" },
      { kind: "diagram", id: "context", title: `Context of ${TRICKY}`, mermaid: DIAGRAM_SOURCE, caption: "Trust boundaries are dashed." },
      { kind: "diagram", id: "broken", title: "Broken diagram", mermaid: "flowchart LR\n  A -->\n" },
    ],
  };
}

/** A small valid PNG (RGB, one colour) of the given size, made without a browser. */
export function solidPng(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0xcc)]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([signature, chunk("IHDR", header), chunk("IDAT", pixels), chunk("IEND", Buffer.alloc(0))]));
}

/** The text of word/document.xml's runs, joined, with XML entities decoded. */
export function documentText(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1])
    .join("")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}
