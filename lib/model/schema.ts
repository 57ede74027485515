import { z } from "zod";
import {
  ASSET_KINDS,
  CHANNELS,
  CLINICAL_FUNCTIONS,
  DEVICE_KINDS,
  ELEMENT_TYPES,
  ENTITY_KINDS,
  ENVIRONMENTS,
  FLOW_DIRECTIONS,
  FLOW_ENDS,
  PATIENT_REACH,
  PERSON_ROLES,
  PROTECTION_LEVELS,
  REGULATIONS,
  TECHNOLOGIES,
  UPDATE_METHODS,
} from "./vocabulary";

/** Version of the model file format; bumped only with a migration in lib/model/format.ts. */
export const FORMAT_VERSION = 1;

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const ID_MAX = 64;

export const Id = z
  .string()
  .max(ID_MAX, { error: `ids are at most ${ID_MAX} characters` })
  .regex(ID_PATTERN, { error: "ids are lower-case letters and digits in words joined by single hyphens, e.g. \"insulin-pump\"" });

const Name = z.string().trim().min(1, { error: "must not be empty" }).max(200);
const Description = z.string().max(20000).default("");
const ShortText = z.string().max(200).default("");
const Tags = z.array(z.string().trim().min(1).max(60)).default([]);
const IdList = z.array(Id).default([]);

export const Assumption = z.strictObject({
  id: Id,
  text: z.string().trim().min(1, { error: "must not be empty" }).max(4000),
});

export const Project = z.strictObject({
  name: Name,
  device: z.strictObject({ name: Name, version: ShortText }),
  intendedPurpose: Description,
  regulation: z.enum(REGULATIONS).default("MDR"),
  deviceKind: z.enum(DEVICE_KINDS).default("hardware-with-software"),
  environments: z.array(z.enum(ENVIRONMENTS)).default([]),
  intendedUsers: z.array(z.string().trim().min(1).max(200)).default([]),
  assumptions: z.array(Assumption).default([]),
});

const Level = z.enum(PROTECTION_LEVELS);

export const Asset = z.strictObject({
  id: Id,
  name: Name,
  kind: z.enum(ASSET_KINDS),
  description: Description,
  confidentiality: Level,
  integrity: Level,
  availability: Level,
});

export const ThirdPartySoftware = z.strictObject({
  name: Name,
  version: ShortText,
  supplier: ShortText,
});

export const UpdateCapability = z.strictObject({
  method: z.enum(UPDATE_METHODS).default("none"),
  codeSigned: z.boolean().default(false),
  rollbackProtection: z.boolean().default(false),
});

const notes = { description: Description, tags: Tags };

export const ExternalEntity = z.strictObject({
  id: Id,
  type: z.literal("external-entity"),
  name: Name,
  kind: z.enum(ENTITY_KINDS),
  role: z.enum(PERSON_ROLES).optional(),
  patientReach: z.enum(PATIENT_REACH).default("none"),
  ...notes,
});

export const Process = z.strictObject({
  id: Id,
  type: z.literal("process"),
  name: Name,
  technology: z.enum(TECHNOLOGIES).default("other"),
  clinicalFunctions: z.array(z.enum(CLINICAL_FUNCTIONS)).default([]),
  patientReach: z.enum(PATIENT_REACH).default("none"),
  parsesUntrustedInput: z.boolean().default(false),
  runsPrivileged: z.boolean().default(false),
  holdsSecrets: z.boolean().default(false),
  encryptedAtRest: z.boolean().default(false),
  update: UpdateCapability.default({ method: "none", codeSigned: false, rollbackProtection: false }),
  thirdPartySoftware: z.array(ThirdPartySoftware).default([]),
  ...notes,
});

export const DataStore = z.strictObject({
  id: Id,
  type: z.literal("data-store"),
  name: Name,
  technology: z.enum(TECHNOLOGIES).default("other"),
  clinicalFunctions: z.array(z.enum(CLINICAL_FUNCTIONS)).default([]),
  patientReach: z.enum(PATIENT_REACH).default("none"),
  assets: IdList,
  holdsSecrets: z.boolean().default(false),
  encryptedAtRest: z.boolean().default(false),
  thirdPartySoftware: z.array(ThirdPartySoftware).default([]),
  ...notes,
});

export const Element = z.discriminatedUnion("type", [ExternalEntity, Process, DataStore], {
  error: (issue) =>
    issue.code === "invalid_union"
      ? `"type" must be one of ${ELEMENT_TYPES.map((t) => `"${t}"`).join(", ")}`
      : undefined,
});

const Protection = z.strictObject({
  enabled: z.boolean().default(false),
  method: ShortText,
});
const OFF = { enabled: false, method: "" };

export const Flow = z.strictObject({
  id: Id,
  name: z.string().trim().max(200).default(""),
  from: Id,
  to: Id,
  channel: z.enum(CHANNELS),
  protocol: ShortText,
  direction: z.enum(FLOW_DIRECTIONS).default("one-way"),
  initiator: z.enum(FLOW_ENDS).default("from"),
  assets: IdList,
  encryption: Protection.default(OFF),
  authentication: z
    .strictObject({ from: Protection.default(OFF), to: Protection.default(OFF) })
    .default({ from: OFF, to: OFF }),
  messageIntegrity: z.boolean().default(false),
  replayProtection: z.boolean().default(false),
  ...notes,
});

export const Boundary = z.strictObject({
  id: Id,
  name: Name,
  description: Description,
  contains: IdList,
});

export const Diagram = z.strictObject({
  id: Id,
  name: Name,
  description: Description,
  elements: IdList,
});

export const Model = z.strictObject({
  medthreat: z.literal(FORMAT_VERSION, {
    error: `"medthreat" must be the format version ${FORMAT_VERSION}`,
  }),
  project: Project,
  assets: z.array(Asset).default([]),
  elements: z.array(Element).default([]),
  boundaries: z.array(Boundary).default([]),
  flows: z.array(Flow).default([]),
  diagrams: z.array(Diagram).default([]),
});

export type Model = z.infer<typeof Model>;
export type ModelInput = z.input<typeof Model>;
export type Project = z.infer<typeof Project>;
export type Assumption = z.infer<typeof Assumption>;
export type Asset = z.infer<typeof Asset>;
export type Element = z.infer<typeof Element>;
export type ExternalEntity = z.infer<typeof ExternalEntity>;
export type Process = z.infer<typeof Process>;
export type DataStore = z.infer<typeof DataStore>;
export type Flow = z.infer<typeof Flow>;
export type Boundary = z.infer<typeof Boundary>;
export type Diagram = z.infer<typeof Diagram>;
export type ThirdPartySoftware = z.infer<typeof ThirdPartySoftware>;
