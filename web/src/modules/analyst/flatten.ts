/**
 * Turns any GraphQL result into rows for CSV: the first list found (a connection's `nodes` or
 * `edges`, or any array of objects), each object flattened to "a.b.c" columns; lists of scalars or
 * objects become one cell, joined with ", ".
 */
export function findFirstList(value: unknown): Record<string, unknown>[] | null {
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every((v) => v !== null && typeof v === "object" && !Array.isArray(v))) return value as Record<string, unknown>[];
    return null;
  }
  if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    for (const preferred of ["nodes", "edges"]) {
      const found = preferred in record ? findFirstList(record[preferred]) : null;
      if (found) return preferred === "edges" ? found.map((e) => (e["node"] as Record<string, unknown>) ?? e) : found;
    }
    for (const child of Object.values(record)) {
      const found = findFirstList(child);
      if (found) return found;
    }
  }
  return null;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map((v) => (v && typeof v === "object" ? Object.values(flattenRow(v as Record<string, unknown>)).join(" ") : String(v))).join(", ");
  return String(value);
}

export function flattenRow(row: Record<string, unknown>, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(row)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === "object" && !Array.isArray(value)) Object.assign(out, flattenRow(value as Record<string, unknown>, name));
    else out[name] = cellText(value);
  }
  return out;
}

export function tableOf(result: unknown): { columns: string[]; rows: Record<string, string>[] } | null {
  const list = findFirstList(result);
  if (!list) return null;
  const rows = list.map((r) => flattenRow(r));
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return { columns, rows };
}
