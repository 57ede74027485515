import { requireActor } from "@/app/_server/access";
import { projectReview } from "@/app/_server/review";
import { handle, notFound } from "../../../_http";

export const dynamic = "force-dynamic";

/** The coverage review: the readiness figure with its per-category breakdown, and every gap with the app page where it is fixed. */
export const GET = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const review = await projectReview(await requireActor(request), id);
  if (!review) return notFound(`there is no project "${id}"`);
  return Response.json(review);
});
