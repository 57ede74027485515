import type { Metadata } from "next";
import Link from "next/link";
import "./globals.css";
import { actorOf } from "./_server/access";
import { UserMenu } from "./_components/UserMenu";

export const metadata: Metadata = {
  title: "medthreat",
  description: "Cybersecurity risk assessment of medical devices, following MDCG 2019-16",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const actor = await actorOf();
  return (
    <html lang="en">
      <body>
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex max-w-7xl items-center gap-6 px-4 py-3">
            <Link href="/" className="text-lg font-bold text-slate-900 hover:no-underline">
              medthreat
            </Link>
            <nav className="flex gap-4 text-sm">
              <Link href="/">Projects</Link>
              <Link href="/rules">Threat rules</Link>
              <a href="/api/openapi">API</a>
            </nav>
            {actor && <UserMenu actor={actor} />}
          </div>
        </header>
        <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
      </body>
    </html>
  );
}
