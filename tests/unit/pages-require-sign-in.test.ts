import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** Pages open to visitors who are not signed in; every other page must find its user first. */
const PUBLIC_PAGES = ["app/signin/page.tsx", "app/signup/page.tsx"];

function pages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? pages(full) : name === "page.tsx" ? [path.relative(process.cwd(), full).split(path.sep).join("/")] : [];
  });
}

describe("pages", () => {
  it("every page but sign-in and first sign-up resolves its signed-in user (pageActor or projectForPage), which sends visitors to sign in", () => {
    const unguarded = pages(path.join(process.cwd(), "app")).filter(
      (p) => !PUBLIC_PAGES.includes(p) && !/\b(pageActor|projectForPage)\(/.test(readFileSync(p, "utf8")),
    );
    expect(unguarded).toEqual([]);
  });

  it("the public pages exist (so the list above is not stale)", () => {
    expect(pages(path.join(process.cwd(), "app"))).toEqual(expect.arrayContaining(PUBLIC_PAGES));
  });
});
