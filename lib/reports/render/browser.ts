import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { DIAGRAM_PNG_SCALE } from "./png";

/**
 * A headless Chromium that draws Mermaid diagrams (SVG for HTML and PDF, PNG for DOCX) and prints
 * HTML to PDF. Mermaid only renders correctly in a browser, so there is no Node-only path. One
 * renderer holds one browser; close it when done. No page may load anything from the network.
 * PDFs carry the source date, not the clock, so the same HTML gives the same bytes.
 */

export interface RenderedDiagram {
  /** Standalone SVG markup; empty when Mermaid could not draw the source (see `error`). */
  svg: string;
  /** PNG of the diagram at DIAGRAM_PNG_SCALE pixels per CSS pixel; empty when `error` is set. */
  png: Uint8Array;
  error?: string;
}

export interface Renderer {
  diagrams(mermaid: readonly string[]): Promise<RenderedDiagram[]>;
  pdf(html: string): Promise<Uint8Array>;
  close(): Promise<void>;
}

export interface RendererOptions {
  /** Chromium executable; default CHROMIUM_PATH from the environment, then /usr/bin/chromium. */
  chromiumPath?: string;
}

/** The largest side of a diagram's PNG in CSS pixels (DIAGRAM_PNG_SCALE times that in pixels); bigger diagrams are shrunk. */
const MAX_PNG_SIZE = 3000;

export const DEFAULT_CHROMIUM_PATH = "/usr/bin/chromium";

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-dev-shm-usage",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/**
 * The id of a diagram's SVG, which Mermaid also puts in front of every id inside it. It comes from
 * the source, so one diagram always gets the same SVG, and several diagrams in one page never clash;
 * the same source drawn again in one page gets `-2`, `-3`…
 */
export function diagramId(source: string, occurrence = 1): string {
  const id = `medthreat-diagram-${createHash("sha256").update(source).digest("hex").slice(0, 12)}`;
  return occurrence > 1 ? `${id}-${occurrence}` : id;
}

export function chromiumPath(explicit?: string): string {
  return explicit || process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
}

export async function openRenderer(options: RendererOptions = {}): Promise<Renderer> {
  const executablePath = chromiumPath(options.chromiumPath);
  if (!existsSync(executablePath))
    throw new Error(
      `Chromium not found at ${executablePath}. PDF output and diagrams need it: install it with "apt-get install chromium", or set CHROMIUM_PATH to its executable.`,
    );
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  let context: BrowserContext;
  try {
    context = await browser.newContext({ deviceScaleFactor: DIAGRAM_PNG_SCALE, offline: true });
    await context.route("**/*", (route) => route.abort());
  } catch (error) {
    await browser.close();
    throw error;
  }
  let diagramPage: Promise<Page> | undefined;
  return {
    async diagrams(sources) {
      diagramPage ??= openDiagramPage(context);
      const page = await diagramPage;
      const out: RenderedDiagram[] = [];
      const seen = new Map<string, number>();
      for (const source of sources) {
        const count = (seen.get(source) ?? 0) + 1;
        seen.set(source, count);
        out.push(await renderDiagram(page, diagramId(source, count), source));
      }
      return out;
    },
    async pdf(html) {
      const page = await context.newPage();
      try {
        await page.setContent(html, { waitUntil: "load" });
        const [footer, date] = await page.evaluate(() =>
          ["medthreat-footer", "medthreat-source-date"].map((name) => document.querySelector(`meta[name="${name}"]`)?.getAttribute("content") ?? ""),
        );
        const pdf = await page.pdf({
          format: "A4",
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate: HEADER,
          footerTemplate: footerTemplate(footer),
          margin: { top: "20mm", bottom: "20mm", left: "16mm", right: "16mm" },
          outline: true,
          tagged: true,
        });
        return stampPdfDates(new Uint8Array(pdf), date);
      } finally {
        await page.close();
      }
    },
    close: () => closeBrowser(browser),
  };
}

/**
 * Chromium writes the clock into the PDF's CreationDate and ModDate, and nothing else varies. Writes
 * the source date (YYYY-MM-DD) there instead, in place (same length, so the offsets stay right), so
 * the same HTML gives the same PDF bytes.
 */
export function stampPdfDates(pdf: Uint8Array, date: string): Uint8Array {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return pdf;
  const out = Buffer.from(pdf);
  const text = out.toString("latin1");
  for (const match of text.matchAll(/\/(?:CreationDate|ModDate)\s*\(D:\d{14}/g))
    out.write(`${m[1]}${m[2]}${m[3]}000000`, match.index + match[0].length - 14, "latin1");
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

async function closeBrowser(browser: Browser): Promise<void> {
  await browser.close().catch(() => undefined);
}

const TEMPLATE_STYLE = "font-family: 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif; font-size: 9px; color: #555; width: 100%; margin: 0 16mm;";
const HEADER = `<div style="${TEMPLATE_STYLE} overflow: hidden; white-space: nowrap; text-overflow: ellipsis;"><span class="title"></span></div>`;

function footerTemplate(text: string): string {
  const escaped = text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<div style="${TEMPLATE_STYLE} display: flex; gap: 12px;"><span style="flex: 1; min-width: 0; overflow: hidden; white-space: nowrap; text-overflow: ellipsis;">${escaped}</span><span style="white-space: nowrap;">Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;
}

export function mermaidScriptPath(): string {
  const relative = "mermaid/dist/mermaid.min.js";
  try {
    return createRequire(import.meta.url).resolve(relative);
  } catch {
    return path.join(process.cwd(), "node_modules", relative);
  }
}

async function openDiagramPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.setContent(`<!DOCTYPE html><html><head><meta charset="utf-8"><style>body{margin:0;background:#fff}#out{display:inline-block;padding:8px}</style></head><body><div id="out"></div></body></html>`);
  await page.addScriptTag({ path: mermaidScriptPath() });
  await page.evaluate(() => {
    const w = window as unknown as { mermaid: { initialize(config: object): void } };
    w.mermaid.initialize({
      startOnLoad: false,
      securityLevel: "strict",
      theme: "default",
      deterministicIds: true,
      // Large models: Mermaid refuses more than 500 edges or 50,000 characters by default.
      maxEdges: 100_000,
      maxTextSize: 50_000_000,
      fontFamily: "'DejaVu Sans', 'Liberation Sans', Arial, sans-serif",
      flowchart: { htmlLabels: true },
    });
  });
  return page;
}

async function renderDiagram(page: Page, id: string, source: string): Promise<RenderedDiagram> {
  const result = await page.evaluate(
    async ({ id, source, maxSize }) => {
      const w = window as unknown as { mermaid: { render(id: string, text: string): Promise<{ svg: string }> } };
      const out = document.getElementById("out")!;
      out.innerHTML = "";
      try {
        const { svg } = await w.mermaid.render(id, source);
        out.innerHTML = svg;
        // Draw the PNG at the diagram's own size (at most maxSize CSS pixels a side), not at the 300px an unsized SVG gets.
        const element = out.querySelector("svg")!;
        const [, , width, height] = (element.getAttribute("viewBox") ?? "").split(/[\s,]+/).map(Number);
        if (width > 0 && height > 0) {
          const scale = Math.min(1, maxSize / width, maxSize / height);
          element.style.maxWidth = "none";
          element.setAttribute("width", String(Math.round(width * scale)));
          element.setAttribute("height", String(Math.round(height * scale)));
        }
        return { svg };
      } catch (error) {
        document.getElementById(id)?.remove();
        document.getElementById(`d${id}`)?.remove();
        return { error: error instanceof Error ? error.message : String(error) };
      }
    },
    { id, source, maxSize: MAX_PNG_SIZE },
  );
  if ("error" in result) return { svg: "", png: new Uint8Array(), error: result.error };
  const png = await page.locator("#out > svg").screenshot({ type: "png", animations: "disabled" });
  return { svg: result.svg, png: new Uint8Array(png) };
}
