// Minimal types for the untyped `cvss` package (CVSS 3.0 only), used as a second oracle in tests.
declare module "cvss" {
  interface CvssOptions {
    throw?: boolean;
  }
  const cvss: {
    getBaseScore(vector: string, options?: CvssOptions): number;
    getRating(score: number): string;
  };
  export default cvss;
}
