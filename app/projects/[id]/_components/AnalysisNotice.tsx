import { isRefusal } from "@/app/_server/off-thread";

/** What a project page shows instead of its content when the threat analysis it needs was refused. */
export function AnalysisRefused({ message }: { message: string }) {
  return (
    <div role="alert" className="card space-y-2 border-amber-300 bg-amber-50">
      <h2>The threat analysis was not run</h2>
      <p className="text-sm text-slate-800">{message}</p>
      <p className="text-sm text-slate-600">The model and its history are kept as they are; the Model, Project details and History tabs still work.</p>
    </div>
  );
}

/** Wraps a project page that needs the threat analysis: a refused analysis shows as a notice, never as a server error. */
export function withAnalysisNotice<P>(Page: (props: P) => Promise<React.ReactNode>) {
  return async function PageWithAnalysis(props: P) {
    try {
      return await Page(props);
    } catch (e) {
      if (isRefusal(e)) return <AnalysisRefused message={e.message} />;
      throw e;
    }
  };
}
