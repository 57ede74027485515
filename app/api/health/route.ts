import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";

export const dynamic = "force-dynamic";

/** Whether the server answers and reaches its database; needs no credentials and says nothing else. */
export async function GET(): Promise<Response> {
  try {
    await (await getDb()).run(sql`SELECT 1`);
    return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
  } catch {
    return Response.json({ status: "unavailable", detail: "the database cannot be reached" }, { status: 503, headers: { "cache-control": "no-store" } });
  }
}
