/** Who is making a change. Until accounts exist every change is recorded as made by the local user. */
export async function currentUser(): Promise<string> {
  return "local user";
}
