"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export function ProjectTabs({ id }: { id: string }) {
  const path = usePathname();
  const tabs = [
    { href: `/projects/${id}`, label: "Model" },
    { href: `/projects/${id}/threats`, label: "Threats" },
    { href: `/projects/${id}/risks`, label: "Risks" },
    { href: `/projects/${id}/controls`, label: "Controls" },
    { href: `/projects/${id}/requirements`, label: "Requirements" },
    { href: `/projects/${id}/trace`, label: "Traceability" },
    { href: `/projects/${id}/review`, label: "Review" },
    { href: `/projects/${id}/baselines`, label: "Baselines" },
    { href: `/projects/${id}/documents`, label: "Documents" },
    { href: `/projects/${id}/details`, label: "Project details" },
    { href: `/projects/${id}/members`, label: "Members" },
    { href: `/projects/${id}/rules`, label: "Rules" },
    { href: `/projects/${id}/history`, label: "History" },
    { href: `/projects/${id}/audit`, label: "Audit log" },
  ];
  return (
    <nav className="flex flex-wrap gap-1 border-b border-slate-200" aria-label="Project sections">
      {tabs.map((t) => (
        <Link
          key={t.href}
          href={t.href}
          aria-current={path === t.href || (t.href !== `/projects/${id}` && path.startsWith(t.href + "/")) ? "page" : undefined}
          className={`rounded-t px-3 py-2 text-sm hover:no-underline ${path === t.href ? "border border-b-white border-slate-200 bg-white font-semibold text-slate-900" : "text-slate-600"}`}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
