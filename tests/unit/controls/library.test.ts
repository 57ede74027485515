import { describe, expect, it } from "vitest";
import {
  FDA_CONTROL_CATEGORIES,
  RISK_CONTROL_OPTIONS,
  annexIById,
  isCapabilityCode,
  isFdaControlCategory,
} from "../../../lib/catalog";
import {
  CONTROL_ID_PATTERN,
  CONTROL_LIBRARY,
  CONTROL_TYPE_RANK,
  VERIFICATION_METHODS,
  controlById,
  controlsFor,
  type SecurityControl,
} from "../../../lib/controls";
import { RuleSchema, type ThreatRule } from "../../../lib/threats/rule";
import { BUILT_IN_RULES } from "../../../lib/threats/rules";

const byId = new Map(CONTROL_LIBRARY.map((c) => [c.id, c]));

/** Sentences of a description; abbreviations such as "e.g." do not end one. */
const sentences = (text: string) =>
  text
    .replace(/\b(e\.g|i\.e|etc|vs)\./g, "$1")
    .split(/(?<=[.!?])\s+(?=[A-Z(])/)
    .filter(Boolean);

/**
 * MDR Annex I requirements under which information about what the operator must do is given:
 * minimum IT requirements (17.4, 23.4(ab)), residual risks in the information supplied (23.1(g),
 * 23.4(g)), users told about residual risk (4) and information for lay persons (22.1).
 */
const DISCLOSURE_REQUIREMENTS = ["MDR-17.4", "MDR-23.4(ab)", "MDR-23.1(g)", "MDR-23.4(g)", "MDR-4", "MDR-22.1"];

describe("the control library", () => {
  it("has at least 50 controls with unique, well-formed ids", () => {
    expect(CONTROL_LIBRARY.length).toBeGreaterThanOrEqual(50);
    expect(byId.size).toBe(CONTROL_LIBRARY.length);
    for (const c of CONTROL_LIBRARY) expect(c.id, c.id).toMatch(CONTROL_ID_PATTERN);
  });

  it.each(CONTROL_LIBRARY.map((c) => [c.id, c] as const))("%s is valid against the catalogue", (_id, c: SecurityControl) => {
    expect(c.title.trim().length).toBeGreaterThan(5);
    expect(c.title.length).toBeLessThanOrEqual(80);
    const n = sentences(c.description).length;
    expect(n, `${c.id}: ${n} sentences`).toBeGreaterThanOrEqual(1);
    expect(n, `${c.id}: ${n} sentences`).toBeLessThanOrEqual(3);
    expect(RISK_CONTROL_OPTIONS).toContain(c.type);
    expect(isFdaControlCategory(c.fdaCategory), c.fdaCategory).toBe(true);
    for (const code of c.capabilities) expect(isCapabilityCode(code), code).toBe(true);
    expect(new Set(c.capabilities).size).toBe(c.capabilities.length);
    expect(c.annexI.length).toBeGreaterThan(0);
    for (const id of c.annexI) {
      expect(annexIById(id), id).toBeDefined();
      expect(id.startsWith("MDR-"), id).toBe(true);
    }
    expect(new Set(c.annexI).size).toBe(c.annexI.length);
    expect(c.verification.length).toBeGreaterThan(0);
    for (const v of c.verification) expect(VERIFICATION_METHODS).toContain(v);
    expect(new Set(c.verification).size).toBe(c.verification.length);
    expect(c.source.trim().length).toBeGreaterThan(10);
  });

  it("uses all eight FDA control categories and all three MDCG §3.3 types", () => {
    expect(new Set(CONTROL_LIBRARY.map((c) => c.fdaCategory))).toEqual(new Set(FDA_CONTROL_CATEGORIES));
    expect(new Set(CONTROL_LIBRARY.map((c) => c.type))).toEqual(new Set(RISK_CONTROL_OPTIONS));
  });

  it("uses every suggested verification method at least once", () => {
    expect(new Set(CONTROL_LIBRARY.flatMap((c) => c.verification))).toEqual(new Set(VERIFICATION_METHODS));
  });

  /*
   * Risk transfer (MDCG 2019-16 §2.3, §3.3, §3.6): information for security only works when someone
   * acts on it, so it always transfers to the operator. A secure-design or protective-measure control
   * may transfer too; whatever its type, a transferring control states the operator's part in
   * `operatorAction` and supports an Annex I requirement under which that part is disclosed.
   */
  it("discloses every control that transfers risk to the operator", () => {
    for (const c of CONTROL_LIBRARY) {
      if (c.type === "information-for-security") expect(c.transfersToOperator, `${c.id} is information for security`).toBe(true);
      if (c.transfersToOperator) {
        expect(c.operatorAction?.trim().length ?? 0, `${c.id} needs operatorAction`).toBeGreaterThan(20);
        expect(c.annexI.some((id) => DISCLOSURE_REQUIREMENTS.includes(id)), `${c.id} names no disclosure requirement`).toBe(true);
      } else {
        expect(c.operatorAction, `${c.id} does not transfer, so it has no operatorAction`).toBeUndefined();
      }
    }
  });

  it("looks controls up by id", () => {
    expect(controlById("ctl-secure-boot")?.fdaCategory).toBe("code-data-execution-integrity");
    expect(controlById("ctl-no-such-control")).toBeUndefined();
    expect(controlsFor({ controls: ["ctl-secure-boot", "ctl-no-such-control", "ctl-mutual-tls"] }).map((c) => c.id)).toEqual([
      "ctl-secure-boot",
      "ctl-mutual-tls",
    ]);
    expect(controlsFor({})).toEqual([]);
  });
});

describe("links from threat rules to controls", () => {
  it.each(BUILT_IN_RULES.map((r) => [r.id, r] as const))("%s names 1–5 existing controls in MDCG §3.3 order", (_id, rule: ThreatRule) => {
    const ids = rule.controls ?? [];
    expect(ids.length).toBeGreaterThanOrEqual(1);
    expect(ids.length).toBeLessThanOrEqual(5);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(byId.has(id), `${rule.id} names unknown control ${id}`).toBe(true);
    const ranks = ids.flatMap((id) => {
      const c = byId.get(id);
      return c ? [CONTROL_TYPE_RANK[c.type]] : [];
    });
    expect(ranks, `${rule.id}: secure design first, information for security last`).toEqual([...ranks].sort((a, b) => a - b));
  });

  it("never counters a threat with information for security alone (MDCG 2019-16 §2.3, §3.6)", () => {
    const onlyInformation = BUILT_IN_RULES.filter((r) => (r.controls ?? []).every((id) => byId.get(id)?.type === "information-for-security"));
    expect(onlyInformation.map((r) => r.id)).toEqual([]);
  });

  it("suggests every control for at least one rule unless it is general", () => {
    const named = new Set(BUILT_IN_RULES.flatMap((r) => r.controls ?? []));
    const orphans = CONTROL_LIBRARY.filter((c) => !named.has(c.id) && !c.general).map((c) => c.id);
    expect(orphans).toEqual([]);
    const general = CONTROL_LIBRARY.filter((c) => c.general).map((c) => c.id);
    expect(general).toContain("ctl-coordinated-vulnerability-disclosure");
  });

  /*
   * Most links share an IEC TR 80001-2-2 capability between rule and control. A link that shares none
   * is accepted without comment when one side has no capability at all (80001-2-2 has no capability for
   * link availability, local alarms, safe states or the build pipeline); every other one is judged here.
   */
  const JUDGED_WITHOUT_SHARED_CAPABILITY: Record<string, string> = {
    "process-information-disclosure -> ctl-phi-free-logging": "the threat names error messages and debug output as the leak; keeping data out of them is DIDT-style minimisation",
    "therapy-command-tampering -> ctl-pump-enforced-dose-limits": "an altered command outside the prescribed limits is refused by the pump whatever the transport",
    "therapy-command-tampering -> ctl-on-device-confirmation": "the user confirms on the device the value it actually received, which exposes an altered command",
    "therapy-command-replay -> ctl-pump-enforced-dose-limits": "replayed boluses cannot exceed the hourly and daily maximum",
    "therapy-local-reconfiguration -> ctl-audit-logging": "changes outside the role are traced to who made them (detective, after the preventive RBAC and limits)",
    "embedded-removable-media-unverified -> ctl-robust-input-parsing": "the content of a file is parsed; a hardened parser resists malformed files",
    "embedded-secrets-extractable -> ctl-unique-device-credentials": "the threat states that a key shared by all devices opens every device; unique keys limit extraction to one unit",
    "embedded-battery-exhaustion -> ctl-security-event-reporting": "unusual request rates are reported before the battery is drained",
    "embedded-port-data-export -> ctl-audit-logging": "exports are recorded, so data theft through the port is detected and traced",
    "resource-network-flood -> ctl-ifu-network-segmentation": "segmentation limits who can reach the device to flood it",
    "resource-malware-outbreak -> ctl-ifu-network-segmentation": "segmentation limits the spread of a worm (MDCG 2019-16 Annex II: disconnect from the network)",
    "safety-emergency-access-blocked -> ctl-login-throttling": "throttling instead of lock-out means an attacker cannot lock clinicians out on purpose",
    "mobile-therapy-relay-untrusted-phone -> ctl-ifu-patient-device-hygiene": "not rooting the phone and keeping it updated lowers the chance of malware on it (MDCG 2019-16 §2.6.3)",
    "credentials-browser-session-theft -> ctl-injection-safe-coding": "the threat names script injection as the way tokens are stolen; output encoding and CSP block it",
    "hl7-fhir-unauthenticated -> ctl-ifu-network-segmentation": "fewer systems can reach the HL7/FHIR interface (MDCG 2019-16 Annex II PACS: network access security)",
    "hl7-fhir-unprotected -> ctl-ifu-network-segmentation": "fewer systems are on the path of the messages (MDCG 2019-16 Annex II PACS: network access security)",
    "dicom-without-tls -> ctl-ifu-network-segmentation": "fewer systems are on the path of DICOM traffic (MDCG 2019-16 Annex II PACS: network access security)",
    "hospital-network-interaction -> ctl-network-traffic-resilience": "the device tolerates the hospital's traffic storms and scans itself rather than relying on guidance",
    "cloud-mass-data-breach -> ctl-multi-factor-authentication": "the threat names compromised administrator and service accounts",
    "portal-account-takeover -> ctl-backend-anomaly-detection": "logins from unusual places reveal a taken-over account",
    "logging-remote-log-tampering -> ctl-robust-input-parsing": "entries crafted to mislead log viewers and parsers (CWE-117) are escaped as input",
  };

  // unknown ids are reported by the per-rule test above
  const links = BUILT_IN_RULES.flatMap((rule) =>
    (rule.controls ?? []).flatMap((id) => {
      const control = byId.get(id);
      return control ? [{ rule, control }] : [];
    }),
  );
  const noShared = links.filter(({ rule, control }) => !control.capabilities.some((c) => rule.capabilities.includes(c)));

  it("shares a capability between rule and control for most links", () => {
    expect(noShared.length / links.length).toBeLessThan(0.25);
  });

  it("has a judgement for every link without a shared capability", () => {
    const unjudged = noShared
      .filter(({ rule, control }) => rule.capabilities.length > 0 && control.capabilities.length > 0)
      .map(({ rule, control }) => `${rule.id} -> ${control.id}`);
    expect(unjudged.sort()).toEqual(Object.keys(JUDGED_WITHOUT_SHARED_CAPABILITY).sort());
  });
});

describe("the controls field of user rules", () => {
  const rule = {
    id: "acme-rule",
    title: "A rule for {{name}}",
    stride: "tampering",
    targets: ["process"],
    when: { fact: "exposed", is: true },
    description: "Something can go wrong with {{name}}.",
    safety: { when: "never", why: "Not relevant to safety." },
  };

  it("defaults to no controls", () => {
    expect(RuleSchema.parse(rule).controls).toEqual([]);
  });

  it("keeps the controls a user rule names", () => {
    expect(RuleSchema.parse({ ...rule, controls: ["ctl-secure-boot"] }).controls).toEqual(["ctl-secure-boot"]);
    expect(RuleSchema.safeParse({ ...rule, controls: "ctl-secure-boot" }).success).toBe(false);
  });
});
