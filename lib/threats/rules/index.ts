import type { ThreatRule } from "../rule";
import { alarmsRules } from "./alarms";
import { cloudRemoteRules } from "./cloud-remote";
import { credentialRules } from "./credentials";
import { embeddedRules } from "./embedded";
import { interactionRules } from "./interaction";
import { interoperabilityRules } from "./interoperability";
import { loggingRules } from "./logging";
import { mobileRules } from "./mobile";
import { patientDataRules } from "./patient-data";
import { resourcesRules } from "./resources";
import { safetyInterplayRules } from "./safety-interplay";
import { supplyChainRules } from "./supply-chain";
import { strideBaselineRules } from "./stride-baseline";
import { therapyRules } from "./therapy";
import { updateRules } from "./updates";

/** Version of the built-in threat library; bump it whenever a rule is added, changed or removed. */
export const LIBRARY_VERSION = "2026.11.2";

export const RULE_FAMILIES: { id: string; title: string; rules: readonly ThreatRule[] }[] = [
  { id: "stride-baseline", title: "STRIDE per element", rules: strideBaselineRules },
  { id: "interaction", title: "STRIDE per interaction across trust boundaries", rules: interactionRules },
  { id: "therapy", title: "Therapy commands and settings", rules: therapyRules },
  { id: "updates", title: "Software updates and patchability", rules: updateRules },
  { id: "alarms", title: "Alarms", rules: alarmsRules },
  { id: "embedded", title: "Embedded and physical interfaces", rules: embeddedRules },
  { id: "resources", title: "Resource exhaustion, malformed input and malware", rules: resourcesRules },
  { id: "safety-interplay", title: "Security controls that affect safety", rules: safetyInterplayRules },
  { id: "mobile", title: "Mobile apps", rules: mobileRules },
  { id: "credentials", title: "Credentials and authentication", rules: credentialRules },
  { id: "patient-data", title: "Patient data (PHI)", rules: patientDataRules },
  { id: "interoperability", title: "Clinical interfaces and the hospital network", rules: interoperabilityRules },
  { id: "cloud-remote", title: "Cloud, portals and remote access", rules: cloudRemoteRules },
  { id: "supply-chain", title: "Third-party software and the supply chain", rules: supplyChainRules },
  { id: "logging", title: "Security event detection and logging", rules: loggingRules },
];

export const BUILT_IN_RULES: readonly ThreatRule[] = RULE_FAMILIES.flatMap((f) => f.rules);

export const ruleById = (id: string) => BUILT_IN_RULES.find((r) => r.id === id);
