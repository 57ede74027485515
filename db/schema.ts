import { sqliteTable, text, integer, primaryKey, index, blob } from "drizzle-orm/sqlite-core";

export const projects = sqliteTable(
  "projects",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    currentRevision: integer("current_revision").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
    deletedAt: integer("deleted_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("projects_deleted_idx").on(t.deletedAt)],
);

/** Every save of a project's model, kept for history; a revision is never changed after it is written. */
export const modelRevisions = sqliteTable(
  "model_revisions",
  {
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    revision: integer("revision").notNull(),
    model: text("model").notNull(),
    summary: text("summary").notNull(),
    author: text("author").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.revision] })],
);

export const appMeta = sqliteTable("app_meta", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});

/**
 * Every threat ever found for a project, with the team's decision. A threat whose rule no longer
 * fires is marked obsolete (obsoleteSinceRevision), never deleted; if it fires again it comes back
 * with its decision.
 */
export const threatRecords = sqliteTable(
  "threat_records",
  {
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    threatId: text("threat_id").notNull(),
    ruleId: text("rule_id").notNull(),
    targetId: text("target_id").notNull(),
    stride: text("stride").notNull(),
    title: text("title").notNull(),
    affectsSafety: integer("affects_safety", { mode: "boolean" }).notNull(),
    /** The threat as last found (description, explanation, references), JSON. */
    snapshot: text("snapshot").notNull(),
    status: text("status").notNull().default("open"),
    justification: text("justification").notNull().default(""),
    decidedBy: text("decided_by"),
    decidedAt: integer("decided_at", { mode: "timestamp_ms" }),
    version: integer("version").notNull().default(1),
    firstSeenRevision: integer("first_seen_revision").notNull(),
    lastSeenRevision: integer("last_seen_revision").notNull(),
    obsoleteSinceRevision: integer("obsolete_since_revision"),
    hazardId: text("hazard_id"),
    multiPatient: integer("multi_patient", { mode: "boolean" }),
    cvss31Before: text("cvss31_before").notNull().default(""),
    cvss40Before: text("cvss40_before").notNull().default(""),
    rubricBefore: text("rubric_before").notNull().default(""),
    cvss31After: text("cvss31_after").notNull().default(""),
    cvss40After: text("cvss40_after").notNull().default(""),
    /** Set by each versioned write so that the other statements of its batch apply only if it won. */
    changeToken: text("change_token"),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.threatId] })],
);

/** Controls linked to a threat, each link with its own status and rationale; edits bump the threat record's version. */
export const threatControls = sqliteTable(
  "threat_controls",
  {
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    threatId: text("threat_id").notNull(),
    controlId: text("control_id").notNull(),
    status: text("status").notNull().default("proposed"),
    rationale: text("rationale").notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.threatId, t.controlId] })],
);

export const hazards = sqliteTable(
  "hazards",
  {
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    id: text("id").notNull(),
    title: text("title").notNull(),
    harm: text("harm").notNull().default(""),
    severity: text("severity").notNull(),
    version: integer("version").notNull().default(1),
    changeToken: text("change_token"),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.id] })],
);

/** A project's security controls, from the library or written by the user, with verification evidence (JSON). */
export const projectControls = sqliteTable(
  "project_controls",
  {
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    id: text("id").notNull(),
    libraryId: text("library_id"),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    type: text("type").notNull(),
    fdaCategory: text("fda_category").notNull().default(""),
    capabilities: text("capabilities").notNull().default("[]"),
    annexI: text("annex_i").notNull().default("[]"),
    transfersToOperator: integer("transfers_to_operator", { mode: "boolean" }).notNull().default(false),
    ifuText: text("ifu_text").notNull().default(""),
    status: text("status").notNull().default("proposed"),
    evidence: text("evidence").notNull().default("[]"),
    version: integer("version").notNull().default(1),
    changeToken: text("change_token"),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.id] })],
);

/** A project's risk acceptance criteria (JSON of lib/risk RiskSettings). */
export const projectSettings = sqliteTable("project_settings", {
  projectId: text("project_id")
    .primaryKey()
    .references(() => projects.id, { onDelete: "cascade" }),
  riskSettings: text("risk_settings").notNull(),
  version: integer("version").notNull().default(1),
  changeToken: text("change_token"),
});

/** Append-only history of each threat: found, decided, obsolete, found again. */
export const threatEvents = sqliteTable(
  "threat_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    threatId: text("threat_id").notNull(),
    kind: text("kind").notNull(),
    status: text("status"),
    justification: text("justification"),
    revision: integer("revision"),
    by: text("by").notNull(),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("threat_events_threat_idx").on(t.projectId, t.threatId)],
);

/** Which model revision and rule set a project's threat records reflect. */
export const projectAnalyses = sqliteTable("project_analyses", {
  projectId: text("project_id")
    .primaryKey()
    .references(() => projects.id, { onDelete: "cascade" }),
  revision: integer("revision").notNull(),
  rulesFingerprint: text("rules_fingerprint").notNull(),
  libraryVersion: text("library_version").notNull(),
  analysedAt: integer("analysed_at", { mode: "timestamp_ms" }).notNull(),
});

/** User-written threat rules, as the YAML the user wrote: one set for the organisation ("organisation") and one per project ("project:<id>"). */
export const ruleSets = sqliteTable("rule_sets", {
  scope: text("scope").primaryKey(),
  text: text("text").notNull(),
  version: integer("version").notNull(),
  updatedBy: text("updated_by").notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  changeToken: text("change_token"),
});

/** Whether each Annex I requirement of MDCG 2019-16 Table 1 applies to the project, with the justification. */
export const requirementStatuses = sqliteTable(
  "requirement_statuses",
  {
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    id: text("id").notNull(),
    applicable: integer("applicable", { mode: "boolean" }).notNull().default(true),
    justification: text("justification").notNull().default(""),
    version: integer("version").notNull().default(1),
    changeToken: text("change_token"),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.id] })],
);

export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash").notNull(),
  isAdmin: integer("is_admin", { mode: "boolean" }).notNull().default(false),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  disabledAt: integer("disabled_at", { mode: "timestamp_ms" }),
});

/** Signed-in browser sessions; only a hash of the cookie's token is stored. */
export const sessions = sqliteTable(
  "sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Personal API tokens for the REST API and the CLI; only a hash is stored, revoked tokens stay for the record. */
export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    prefix: text("prefix").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    lastUsedAt: integer("last_used_at", { mode: "timestamp_ms" }),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("api_tokens_user_idx").on(t.userId)],
);

/**
 * Failed sign-ins, kept in the database so every server process counts the same: one row per
 * failure and key (an e-mail address at a client, a client, an e-mail address), pruned after the window.
 */
export const signInFailures = sqliteTable(
  "sign_in_failures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    key: text("key").notNull(),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("sign_in_failures_key_idx").on(t.key, t.at)],
);

/** Per-project roles: owner, editor, reviewer, viewer. */
export const memberships = sqliteTable(
  "memberships",
  {
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role").notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.userId] })],
);

/**
 * Every change, who made it and when, with the state before and after. Append-only: triggers in
 * the migration refuse UPDATE and DELETE, and no route writes anything but inserts.
 */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: text("project_id"),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    actorId: text("actor_id").notNull(),
    actorName: text("actor_name").notNull(),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    summary: text("summary").notNull().default(""),
    before: text("before"),
    after: text("after"),
  },
  (t) => [index("audit_project_idx").on(t.projectId, t.id)],
);

/** Review comments on threats, controls and requirements; resolving keeps the comment. */
export const comments = sqliteTable(
  "comments",
  {
    id: text("id").primaryKey(),
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    targetType: text("target_type").notNull(),
    targetId: text("target_id").notNull(),
    authorId: text("author_id").notNull(),
    authorName: text("author_name").notNull(),
    body: text("body").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    resolvedAt: integer("resolved_at", { mode: "timestamp_ms" }),
    resolvedBy: text("resolved_by"),
    version: integer("version").notNull().default(1),
    changeToken: text("change_token"),
  },
  (t) => [index("comments_target_idx").on(t.projectId, t.targetType, t.targetId)],
);

/**
 * Named, immutable snapshots of a whole project (the project file text plus the rules in force),
 * with a hash of that content. Sign-offs are separate rows so the baseline itself never changes.
 */
export const baselines = sqliteTable(
  "baselines",
  {
    id: text("id").primaryKey(),
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    revision: integer("revision").notNull(),
    content: text("content").notNull(),
    contentHash: text("content_hash").notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("baselines_project_idx").on(t.projectId)],
);

export const signOffs = sqliteTable("sign_offs", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  baselineId: text("baseline_id")
    .notNull()
    .references(() => baselines.id, { onDelete: "cascade" }),
  userId: text("user_id").notNull(),
  userName: text("user_name").notNull(),
  contentHash: text("content_hash").notNull(),
  statement: text("statement").notNull(),
  at: integer("at", { mode: "timestamp_ms" }).notNull(),
});

/**
 * Document generation jobs: which documents and formats, from which source ("baseline:<id>" or
 * "revision:<n>"), and how far the child process that renders them has got.
 */
export const reportJobs = sqliteTable(
  "report_jobs",
  {
    id: text("id").primaryKey(),
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    source: text("source").notNull(),
    sourceLabel: text("source_label").notNull().default(""),
    docs: text("docs").notNull(),
    formats: text("formats").notNull(),
    status: text("status").notNull(),
    progressDone: integer("progress_done").notNull().default(0),
    progressTotal: integer("progress_total").notNull().default(0),
    step: text("step").notNull().default(""),
    message: text("message").notNull().default(""),
    createdById: text("created_by_id").notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    finishedAt: integer("finished_at", { mode: "timestamp_ms" }),
    contentHash: text("content_hash"),
  },
  (t) => [index("report_jobs_project_idx").on(t.projectId, t.createdAt), index("report_jobs_status_idx").on(t.status)],
);

/** The files a report job produced. */
export const reportFiles = sqliteTable(
  "report_files",
  {
    jobId: text("job_id")
      .notNull()
      .references(() => reportJobs.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    mediaType: text("media_type").notNull(),
    bytes: blob("bytes", { mode: "buffer" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.name] })],
);
