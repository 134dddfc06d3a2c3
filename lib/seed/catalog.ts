// The demo company's fixed vocabulary: user groups, projects (safety-critical products, each with
// the components its work items talk about), tracker types with their workflows and fields.

export const GROUPS: [name: string, description: string][] = [
  ["System Administrators", "Full administration of the ALM server"],
  ["Project Admins", "May administer the projects they belong to"],
  ["Developers", "Software and firmware engineers"],
  ["Testers", "Verification engineers"],
  ["Regular User", "Standard license"],
  ["Regular User without Review", "Standard license without review features"],
  ["Remote API Access", "May call the REST and Swagger APIs"],
  ["Requirements Engineers", "Own system and software requirements"],
  ["Quality Assurance", "Quality management and CAPA"],
  ["Safety Engineers", "Hazard analysis, FMEA and safety cases"],
  ["Release Managers", "Plan and sign off releases"],
  ["Product Owners", "Own the product backlogs"],
  ["Reviewers", "Take part in formal reviews"],
  ["Stakeholders", "Read access for stakeholders outside engineering"],
  ["Auditors", "Read access to audit trails and reports"],
  ["Contractors", "External engineering partners"],
  ["Support Engineers", "Field support and complaint handling"],
  ["Documentation", "Technical writers"],
  ["Hardware Engineers", "Electronics and mechanical design"],
  ["DevOps", "Build, CI and tooling"],
];

export const LICENSE_GROUPS = ["Regular User", "Regular User without Review"];

export interface ProjectSpec {
  key: string;
  name: string;
  components: string[];
  hazards: string[];
}

export const PROJECTS: ProjectSpec[] = [
  {
    key: "IPF",
    name: "Infusion Pump Firmware",
    components: [
      "occlusion alarm",
      "bolus delivery",
      "drug library",
      "pressure sensor",
      "stepper motor driver",
      "battery monitor",
      "air-in-line detector",
      "dose calculator",
    ],
    hazards: ["Over-infusion", "Under-infusion", "Delayed occlusion alarm", "Air embolism"],
  },
  {
    key: "BBW",
    name: "Brake-by-Wire ECU",
    components: [
      "brake pedal sensor",
      "wheel speed sensor",
      "actuator controller",
      "CAN gateway",
      "redundancy manager",
      "ABS module",
      "hydraulic fallback",
      "torque arbitration",
    ],
    hazards: ["Unintended braking", "Loss of braking", "Asymmetric braking force", "Delayed brake response"],
  },
  {
    key: "PMT",
    name: "Pacemaker Telemetry",
    components: [
      "telemetry link",
      "RF transceiver",
      "pacing threshold test",
      "lead impedance monitor",
      "battery longevity estimator",
      "programmer interface",
      "episode storage",
      "session encryption",
    ],
    hazards: ["Unauthorized reprogramming", "Loss of telemetry", "Premature battery depletion", "Incorrect pacing parameters"],
  },
  {
    key: "VCU",
    name: "Ventilator Control Unit",
    components: [
      "flow sensor",
      "PEEP controller",
      "tidal volume estimator",
      "oxygen blender",
      "alarm manager",
      "breath detection",
      "exhalation valve",
      "touchscreen UI",
    ],
    hazards: ["Barotrauma", "Hypoventilation", "Silent alarm", "Oxygen concentration drift"],
  },
  {
    key: "IPP",
    name: "Insulin Patch Pump",
    components: [
      "basal rate scheduler",
      "BLE pairing",
      "reservoir level sensor",
      "CGM bridge",
      "bolus calculator",
      "cannula insertion",
      "mobile app sync",
      "occlusion detector",
    ],
    hazards: ["Hypoglycaemia from over-delivery", "Missed bolus", "Unpaired controller", "Cannula dislodgement"],
  },
  {
    key: "BMS",
    name: "Battery Management System",
    components: [
      "cell balancing",
      "state-of-charge estimator",
      "thermal monitor",
      "contactor control",
      "isolation monitor",
      "charge controller",
      "cell voltage ADC",
      "pre-charge circuit",
    ],
    hazards: ["Thermal runaway", "Over-discharge", "Contactor welding", "Loss of isolation"],
  },
  {
    key: "LKA",
    name: "Lane Keeping Assist",
    components: [
      "lane detection",
      "camera calibration",
      "steering torque request",
      "hands-off detection",
      "HMI warning",
      "sensor fusion",
      "road edge tracker",
      "driver override",
    ],
    hazards: ["Unintended steering", "Missed lane departure", "Late driver warning", "Oscillating steering input"],
  },
  {
    key: "FCC",
    name: "Flight Control Computer",
    components: [
      "air data module",
      "autopilot mode logic",
      "actuator loop",
      "ARINC 429 interface",
      "built-in test",
      "envelope protection",
      "voting monitor",
      "trim controller",
    ],
    hazards: ["Uncommanded pitch", "Loss of envelope protection", "Erroneous air data", "Actuator runaway"],
  },
  {
    key: "RIL",
    name: "Railway Interlocking",
    components: [
      "route setting",
      "point machine driver",
      "track circuit monitor",
      "signal aspect logic",
      "axle counter interface",
      "maintenance terminal",
      "flank protection",
      "level crossing controller",
    ],
    hazards: ["Conflicting routes", "Wrong-side signal failure", "Point movement under train", "Level crossing open"],
  },
  {
    key: "PMP",
    name: "Patient Monitor Platform",
    components: [
      "ECG analyzer",
      "SpO2 module",
      "NIBP scheduler",
      "central station link",
      "trend database",
      "alarm escalation",
      "HL7 export",
      "arrhythmia detector",
    ],
    hazards: ["Missed arrhythmia", "False alarm fatigue", "Wrong patient association", "Stale vital signs"],
  },
  {
    key: "EPS",
    name: "Electric Power Steering",
    components: [
      "torque sensor",
      "motor current controller",
      "end-of-travel protection",
      "steering angle estimator",
      "thermal derating",
      "CAN diagnostics",
      "assist map",
      "power stage",
    ],
    hazards: ["Loss of assist", "Self-steering", "Excessive assist", "Steering lock-up"],
  },
  {
    key: "SRA",
    name: "Surgical Robot Arm",
    components: [
      "joint encoder",
      "force feedback",
      "collision detection",
      "instrument recognition",
      "surgeon console",
      "motion scaling",
      "emergency stop",
      "tremor filter",
    ],
    hazards: ["Unintended arm motion", "Excessive tissue force", "Instrument misidentification", "Delayed emergency stop"],
  },
];

/** Tracker-count per project: 50 in all. */
export const TRACKERS_PER_PROJECT = [6, 5, 5, 4, 4, 4, 4, 4, 4, 4, 3, 3];

export type TrackerTypeName =
  | "Requirements"
  | "Bugs"
  | "Tasks"
  | "Test Cases"
  | "Risks"
  | "Change Requests"
  | "Releases"
  | "User Stories"
  | "Epics"
  | "Hazards"
  | "Test Runs"
  | "System Requirements";

export interface TrackerType {
  name: TrackerTypeName;
  /** state -> the states it may move to; the first key is the initial state */
  workflow: Record<string, string[]>;
  /** the optional fields its work items carry, beyond Summary, Description and Status */
  fields: string[];
  /** tracker fields shown as artifacts (configurable fields) */
  configFields: string[];
  /** relative number of work items */
  volume: number;
}

const AGILE_FLOW = { New: ["Ready", "In Progress"], Ready: ["In Progress"], "In Progress": ["Done", "Ready"], Done: ["In Progress"] };
const REVIEW_FLOW = { Draft: ["In Review"], "In Review": ["Approved", "Draft"], Approved: ["Obsolete", "Draft"], Obsolete: ["Draft"] };

export const TRACKER_TYPES: TrackerType[] = [
  {
    name: "Bugs",
    workflow: {
      New: ["In Progress", "Rejected"],
      "In Progress": ["Resolved"],
      Resolved: ["Closed", "Reopened"],
      Reopened: ["In Progress"],
      Closed: ["Reopened"],
      Rejected: ["Reopened"],
    },
    fields: ["Assignee", "Priority", "Severity", "Labels", "Due Date"],
    configFields: ["Severity", "Priority", "Detected in Release", "Root Cause", "Component"],
    volume: 1.6,
  },
  {
    name: "Requirements",
    workflow: REVIEW_FLOW,
    fields: ["Assignee", "Priority", "Labels"],
    configFields: ["Priority", "Verification Method", "Safety Class", "Rationale"],
    volume: 1.4,
  },
  {
    name: "Tasks",
    workflow: { "To Do": ["In Progress"], "In Progress": ["Blocked", "Done"], Blocked: ["In Progress"], Done: ["In Progress"] },
    fields: ["Assignee", "Priority", "Story Points", "Due Date", "Labels"],
    configFields: ["Story Points", "Due Date", "Sprint"],
    volume: 1.3,
  },
  {
    name: "Test Cases",
    workflow: REVIEW_FLOW,
    fields: ["Assignee", "Priority", "Labels"],
    configFields: ["Test Type", "Verification Method", "Preconditions"],
    volume: 1.2,
  },
  {
    name: "Risks",
    workflow: {
      Identified: ["Analyzed"],
      Analyzed: ["Mitigated", "Accepted"],
      Mitigated: ["Verified"],
      Verified: ["Closed"],
      Accepted: ["Closed"],
      Closed: ["Identified"],
    },
    fields: ["Assignee", "Severity", "Priority", "Due Date"],
    configFields: ["Severity", "Probability", "Risk Control", "Residual Risk"],
    volume: 0.6,
  },
  {
    name: "Change Requests",
    workflow: {
      Submitted: ["Under Review"],
      "Under Review": ["Approved", "Rejected"],
      Approved: ["Implemented"],
      Implemented: ["Closed"],
      Rejected: ["Submitted"],
      Closed: [],
    },
    fields: ["Assignee", "Priority", "Severity", "Due Date"],
    configFields: ["Impact Analysis", "Affected Baseline", "Priority"],
    volume: 0.6,
  },
  {
    name: "Releases",
    workflow: { Planned: ["In Development"], "In Development": ["Released", "Planned"], Released: ["Archived"], Archived: [] },
    fields: ["Assignee", "Due Date"],
    configFields: ["Release Date", "Baseline"],
    volume: 0.12,
  },
  {
    name: "User Stories",
    workflow: AGILE_FLOW,
    fields: ["Assignee", "Priority", "Story Points", "Labels"],
    configFields: ["Story Points", "Acceptance Criteria", "Sprint"],
    volume: 1,
  },
  { name: "Epics", workflow: AGILE_FLOW, fields: ["Assignee", "Priority", "Due Date"], configFields: ["Business Value", "Target Release"], volume: 0.25 },
  {
    name: "Hazards",
    workflow: { Identified: ["Analyzed"], Analyzed: ["Controlled"], Controlled: ["Verified"], Verified: ["Identified"] },
    fields: ["Assignee", "Severity", "Due Date"],
    configFields: ["Severity", "Hazardous Situation", "ASIL"],
    volume: 0.5,
  },
  {
    name: "Test Runs",
    workflow: { "Not Run": ["In Progress"], "In Progress": ["Passed", "Failed", "Blocked"], Failed: ["In Progress"], Blocked: ["In Progress"], Passed: [] },
    fields: ["Assignee", "Labels"],
    configFields: ["Test Configuration", "Build"],
    volume: 0.9,
  },
  {
    name: "System Requirements",
    workflow: REVIEW_FLOW,
    fields: ["Assignee", "Priority", "Labels"],
    configFields: ["Verification Method", "Allocation"],
    volume: 0.8,
  },
];

/** The trackers of a project: the first three every project has, then some of the others. */
export const TRACKER_ORDER: TrackerTypeName[] = [
  "Requirements",
  "Bugs",
  "Tasks",
  "Test Cases",
  "Risks",
  "Change Requests",
  "User Stories",
  "Releases",
  "Hazards",
  "Epics",
  "Test Runs",
  "System Requirements",
];

export const PROJECT_ROLES = ["Project Admin", "Developer", "Tester", "Reviewer", "Stakeholder"];

export const PRIORITIES = ["Highest", "High", "Normal", "Low", "Lowest"];
export const PRIORITY_WEIGHTS = [0.06, 0.24, 0.5, 0.15, 0.05];
export const SEVERITIES = ["Blocker", "Critical", "Major", "Minor", "Trivial"];
export const SEVERITY_WEIGHTS = [0.04, 0.14, 0.42, 0.32, 0.08];
export const STORY_POINTS = [1, 2, 3, 5, 8, 13];
export const LABELS = [
  "regression",
  "safety",
  "customer",
  "firmware",
  "ui",
  "performance",
  "security",
  "iec-62304",
  "iso-26262",
  "needs-review",
  "flaky",
  "field-issue",
  "usability",
  "tech-debt",
];

export const ACCESS_LEVELS = ["None", "Read", "Read & Write", "Admin"];
/** What a role or group grants, for permission changes on roles and groups. */
export const PERMISSION_AREAS = ["Trackers", "Documents", "Wiki", "Reports", "Baselines", "Members", "Reviews", "Remote API"];
