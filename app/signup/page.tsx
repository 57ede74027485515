import { redirect } from "next/navigation";
import { MIN_PASSWORD_LENGTH, needsFirstAccount } from "../_server/auth";
import { FirstAccountForm } from "../_components/AuthForms";

export const dynamic = "force-dynamic";

/** Open only on a fresh installation: the first account becomes administrator. */
export default async function FirstAccountPage() {
  if (!(await needsFirstAccount())) redirect("/signin");
  return (
    <div className="mx-auto max-w-sm space-y-4">
      <h1>Create the first account</h1>
      <p className="text-sm text-slate-600">Nobody has an account on this installation yet. The account you create now is its administrator.</p>
      <FirstAccountForm minLength={MIN_PASSWORD_LENGTH} />
    </div>
  );
}
