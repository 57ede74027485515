/** The database's reason for refusing a statement (drizzle wraps it as the error's cause), or "not refused". */
export async function refusal(query: Promise<unknown>): Promise<string> {
  try {
    await query;
  } catch (e) {
    return `${(e as Error).message} ${String((e as Error).cause ?? "")}`;
  }
  return "not refused";
}
