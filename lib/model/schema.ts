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
  regulation: z.enum(REGULATIONS).default("MDR").describe("EU regulation the device falls under: MDR (2017/745) or IVDR (2017/746)."),
  deviceKind: z.enum(DEVICE_KINDS).default("hardware-with-software").describe("A hardware device with software, or medical device software (MDSW) on its own."),
  environments: z.array(z.enum(ENVIRONMENTS)).default([]).describe("Intended environments of use."),
  intendedUsers: z.array(z.string().trim().min(1).max(200)).default([]).describe("Intended users, one per entry."),
  assumptions: z.array(Assumption).default([]).describe("Assumptions the assessment rests on, each with an id to refer to."),
});

const Level = z.enum(PROTECTION_LEVELS);

export const Asset = z.strictObject({
  id: Id,
  name: Name,
  kind: z.enum(ASSET_KINDS),
  description: Description,
  confidentiality: Level.describe("How much the asset needs protection from disclosure."),
  integrity: Level.describe("How much the asset needs protection from alteration."),
  availability: Level.describe("How much the asset needs to be available when needed."),
});

export const ThirdPartySoftware = z.strictObject({
  name: Name,
  version: ShortText,
  supplier: ShortText,
});

export const UpdateCapability = z.strictObject({
  method: z.enum(UPDATE_METHODS).default("none"),
  codeSigned: z.boolean().default(false).describe("Updates are verified against the manufacturer's signature before installation."),
  rollbackProtection: z.boolean().default(false).describe("Older (downgrade) versions are refused."),
});

const notes = { description: Description, tags: Tags };

const PatientReach = z.enum(PATIENT_REACH).default("none").describe("How many patients a compromise of this element can reach.");

export const ExternalEntity = z.strictObject({
  id: Id,
  type: z.literal("external-entity"),
  name: Name,
  kind: z.enum(ENTITY_KINDS),
  role: z.enum(PERSON_ROLES).optional().describe("For a person: the role they act in."),
  patientReach: PatientReach,
  ...notes,
});

/** What processes and data stores share: where they run and what clinical role they play. */
const hosted = {
  technology: z.enum(TECHNOLOGIES).default("other"),
  clinicalFunctions: z.array(z.enum(CLINICAL_FUNCTIONS)).default([]).describe("Clinical functions this element performs; empty for none."),
  patientReach: PatientReach,
};
const secrets = {
  holdsSecrets: z.boolean().default(false).describe("Holds keys, passwords or other secrets."),
  encryptedAtRest: z.boolean().default(false).describe("Data it stores is encrypted at rest."),
};
const Software = z.array(ThirdPartySoftware).default([]).describe("Third-party or off-the-shelf software (SOUP/OTS) it contains.");

export const Process = z.strictObject({
  id: Id,
  type: z.literal("process"),
  name: Name,
  ...hosted,
  parsesUntrustedInput: z.boolean().default(false).describe("Parses input that an attacker could craft."),
  runsPrivileged: z.boolean().default(false).describe("Runs with elevated privileges (root, kernel, no memory isolation)."),
  auditLog: z.boolean().default(false).describe("Records security-relevant events and clinical actions: who did what, when."),
  batteryPowered: z.boolean().default(false).describe("Runs on a battery that an attacker could drain (e.g. an implant, a body-worn device)."),
  ...secrets,
  update: UpdateCapability.describe("Whether and how it can be updated.").default({ method: "none", codeSigned: false, rollbackProtection: false }),
  thirdPartySoftware: Software,
  ...notes,
});

export const DataStore = z.strictObject({
  id: Id,
  type: z.literal("data-store"),
  name: Name,
  ...hosted,
  assets: IdList,
  ...secrets,
  thirdPartySoftware: Software,
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
  channel: z.enum(CHANNELS).describe("Physical or logical channel the data travels over."),
  protocol: ShortText.describe("Protocol, e.g. \"BLE GATT\", \"HTTPS (TLS 1.3)\", \"HL7 v2 over MLLP\", \"DICOM\"."),
  direction: z.enum(FLOW_DIRECTIONS).default("one-way").describe("Whether data also flows back from `to` to `from`."),
  initiator: z.enum(FLOW_ENDS).default("from").describe("Which end opens the connection."),
  assets: IdList.describe("Ids of the assets the flow carries."),
  encryption: Protection.default(OFF).describe("Whether the flow is encrypted, and how (e.g. TLS 1.3)."),
  authentication: z
    .strictObject({
      from: Protection.default(OFF).describe("Whether the `from` end proves its identity to the `to` end, and how."),
      to: Protection.default(OFF).describe("Whether the `to` end proves its identity to the `from` end, and how."),
    })
    .default({ from: OFF, to: OFF }),
  messageIntegrity: z.boolean().default(false).describe("Messages are integrity-protected (e.g. MAC, signature, TLS)."),
  replayProtection: z.boolean().default(false).describe("Replayed messages are detected and refused."),
  ...notes,
});

export const Boundary = z.strictObject({
  id: Id,
  name: Name,
  description: Description,
  contains: IdList.describe("Ids of the elements and boundaries directly inside this boundary; each is in at most one boundary."),
});

export const Diagram = z.strictObject({
  id: Id,
  name: Name,
  description: Description,
  elements: IdList.describe("Ids of the elements this diagram shows."),
});

export const Model = z.strictObject({
  medthreat: z.literal(FORMAT_VERSION, {
    error: `"medthreat" must be the format version ${FORMAT_VERSION}`,
  }),
  project: Project.describe("The device project: what the device is, for whom, where, under which regulation."),
  assets: z.array(Asset).default([]).describe("Data assets and the protection each needs."),
  elements: z.array(Element).default([]).describe("External entities, processes and data stores (DFD3)."),
  boundaries: z.array(Boundary).default([]).describe("Trust boundaries: closed regions that contain elements and other boundaries."),
  flows: z.array(Flow).default([]).describe("Data flows between elements."),
  diagrams: z.array(Diagram).default([]).describe("Views of the model; a diagram shows its elements, the flows between them and the boundaries around them."),
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
