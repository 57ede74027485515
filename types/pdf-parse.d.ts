// Minimal types for pdf-parse 1.1.1's parser module (imported directly: its index runs a debug self-test), used by tests to read PDFs.
declare module "pdf-parse/lib/pdf-parse.js" {
  interface PdfParseResult {
    numpages: number;
    text: string;
    info: Record<string, unknown>;
  }
  function pdfParse(data: Buffer | Uint8Array): Promise<PdfParseResult>;
  export default pdfParse;
}
