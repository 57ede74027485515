"use server";

import * as reports from "../_server/reports";
import { asActor } from "./guard";

/** Starts generating documents; the page then polls the job with reportJobAction. */
export async function generateReportAction(projectId: string, request: reports.ReportRequest) {
  return asActor((actor) => reports.createReport(actor, projectId, request));
}

/** A job's status, progress and files; undefined when it does not exist or the user may not read the project. */
export async function reportJobAction(projectId: string, jobId: string) {
  const job = await asActor((actor) => reports.getReport(actor, projectId, jobId));
  return job && "id" in job ? job : undefined;
}
