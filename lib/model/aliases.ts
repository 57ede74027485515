/**
 * What YAML aliases do to a parsed value: js-yaml returns an alias as a second reference to the
 * same object, so a "billion laughs" file is small in memory but huge for anything that walks it.
 * Counts the references, the values as written (an alias counts once) and as expanded, and finds
 * self-references.
 */
export interface AliasReport {
  aliases: number;
  writtenNodes: number;
  expandedNodes: number;
  cyclic: boolean;
}

export function aliasReport(value: unknown): AliasReport {
  const size = new Map<object, number>();
  const open = new Set<object>();
  let aliases = 0;
  let writtenNodes = 0;
  let cyclic = false;
  const walk = (v: unknown): number => {
    writtenNodes++;
    if (v === null || typeof v !== "object") return 1;
    const known = size.get(v);
    if (known !== undefined) {
      aliases++;
      return known;
    }
    if (open.has(v)) {
      cyclic = true;
      return 1;
    }
    open.add(v);
    let n = 1;
    for (const child of Array.isArray(v) ? v : Object.values(v)) n += walk(child);
    open.delete(v);
    size.set(v, n);
    return n;
  };
  const expandedNodes = walk(value);
  return { aliases, writtenNodes, expandedNodes, cyclic };
}
