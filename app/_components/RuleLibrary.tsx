import { dump } from "js-yaml";
import { RULE_FAMILIES } from "@/lib/threats";
import { factSpecs, TARGET_KINDS } from "@/lib/threats/facts";
import { LEAF_OPERATORS } from "@/lib/threats/condition";

/** The built-in threat library and the facts rules can use, for reading and for writing one's own rules. */
export function RuleLibrary() {
  return (
    <div className="space-y-3">
      {RULE_FAMILIES.map((family) => (
        <details key={family.id} className="card">
          <summary className="cursor-pointer font-semibold">
            {family.title} <span className="font-normal text-slate-500">({family.rules.length} rules)</span>
          </summary>
          <div className="mt-2 divide-y divide-slate-100">
            {family.rules.map((r) => (
              <details key={r.id} className="py-2 text-sm">
                <summary className="cursor-pointer">
                  <span className="font-mono text-xs">{r.id}</span> — {r.title.replace(/\{\{\s*([\w.]+)\s*\}\}/g, "‹$1›")}{" "}
                  <span className="text-xs text-slate-500">
                    {r.stride}, on {r.targets.join(", ")}
                  </span>
                </summary>
                <div className="mt-1 space-y-1 pl-4 text-xs text-slate-700">
                  <p>{r.description}</p>
                  <p>
                    Annex I: {r.annexI.join(", ") || "—"} · capabilities: {r.capabilities.join(", ") || "—"} · {[...r.capec, ...r.cwe].join(", ") || "no CAPEC/CWE"}
                  </p>
                  <p>Patient safety: {r.safety.why}</p>
                  <p>Source: {r.source}</p>
                  {r.supersedes?.length ? <p>Replaces, when both apply: {r.supersedes.join(", ")}</p> : null}
                  <pre className="overflow-auto rounded bg-slate-50 p-2">{dump({ when: r.when }, { lineWidth: -1 })}</pre>
                </div>
              </details>
            ))}
          </div>
        </details>
      ))}
      <details className="card">
        <summary className="cursor-pointer font-semibold">Facts and operators for writing rules</summary>
        <p className="mt-2 text-sm">
          Operators: {LEAF_OPERATORS.join(", ")}; combine leaves with <code>all</code>, <code>any</code> and <code>not</code>. A flow also has every element
          fact of its ends as <code>from.…</code> and <code>to.…</code>. Levels are numbers: none 0, low 1, medium 2, high 3.
        </p>
        {TARGET_KINDS.map((kind) => (
          <div key={kind} className="mt-3">
            <h3 className="text-sm font-semibold">{kind}</h3>
            <table className="w-full text-left text-xs">
              <tbody>
                {factSpecs(kind)
                  .filter((f) => !/^(from|to)\./.test(f.name))
                  .map((f) => (
                    <tr key={f.name} className="border-t border-slate-100">
                      <td className="py-0.5 pr-2 font-mono">{f.name}</td>
                      <td className="pr-2">{f.type}</td>
                      <td>
                        {f.description}
                        {f.values ? ` (${f.values.filter(Boolean).join(", ")})` : ""}
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        ))}
      </details>
    </div>
  );
}
