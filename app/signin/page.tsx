import { redirect } from "next/navigation";
import { actorOf } from "../_server/access";
import { needsFirstAccount } from "../_server/auth";
import { SignInForm } from "../_components/AuthForms";
import { sameSitePath } from "@/lib/security/policy";

export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  if (await needsFirstAccount()) redirect("/signup");
  const { next } = await searchParams;
  if (await actorOf()) redirect(sameSitePath(next));
  return (
    <div className="mx-auto max-w-sm space-y-4">
      <h1>Sign in</h1>
      <SignInForm next={sameSitePath(next)} />
      <p className="text-xs text-slate-500">No account? An administrator of this medthreat installation creates accounts.</p>
    </div>
  );
}
