// Words of the demo: work item summaries and descriptions in the language of safety-critical
// engineering, filled from templates with each project's components and hazards.
import type { ProjectSpec, TrackerTypeName } from "./catalog";
import type { Random } from "./random";

const CONDITIONS = [
  "the battery is below 10 %",
  "the door is opened during calibration",
  "two alarms occur within 100 ms",
  "the configuration is reloaded",
  "the network link drops",
  "the device resumes from standby",
  "the system clock is adjusted",
  "the supply voltage dips below 9 V",
  "the log buffer is full",
  "a firmware update is interrupted",
  "the operator cancels a running procedure",
  "the ambient temperature exceeds 40 °C",
];
const ACTIVITIES = [
  "the 72 h endurance test",
  "system integration testing",
  "a customer demo",
  "regression testing",
  "HIL testing",
  "the design review",
  "field evaluation at a pilot site",
  "EMC pre-compliance testing",
];
const SYMPTOMS = [
  "stops updating",
  "reports an out-of-range value",
  "raises a spurious alarm",
  "locks up for several seconds",
  "resets the controller",
  "drops every second frame",
  "shows the previous value",
];
const VERBS = [
  "report a fault",
  "enter the safe state",
  "raise an alarm",
  "update its output",
  "reject the command",
  "notify the operator",
  "switch to the redundant channel",
];
const FAULTS = ["a stuck sensor", "a CRC mismatch", "loss of communication", "an out-of-range reading", "a watchdog timeout", "a RAM bit flip"];
const BUILDS = ["3.8.412", "4.0.107", "4.1.23", "4.2.118", "4.2.120", "5.0.0-rc2", "5.0.3"];
const NUMBERS = [2, 3, 5, 10, 20, 30, 50, 60, 100, 200, 250, 500];

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Replaces {p} {c} {C} {c2} {h} {n} {cond} {act} {sym} {verb} {fault} {build} in a template. */
export function fill(template: string, project: ProjectSpec, rng: Random): string {
  const component = rng.pick(project.components);
  const other = rng.pick(project.components.filter((name) => name !== component));
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
    switch (slot) {
      case "p":
        return project.name;
      case "c":
        return component;
      case "C":
        return capitalize(component);
      case "c2":
        return other;
      case "h":
        return rng.pick(project.hazards);
      case "n":
        return String(rng.pick(NUMBERS));
      case "cond":
        return rng.pick(CONDITIONS);
      case "act":
        return rng.pick(ACTIVITIES);
      case "sym":
        return rng.pick(SYMPTOMS);
      case "verb":
        return rng.pick(VERBS);
      case "fault":
        return rng.pick(FAULTS);
      case "build":
        return rng.pick(BUILDS);
      default:
        return slot;
    }
  });
}

type WorkFamily = "bug" | "requirement" | "task" | "test" | "risk" | "change" | "release";
export type Family = WorkFamily | "document" | "wiki" | "role";

const FAMILY: Record<TrackerTypeName, WorkFamily> = {
  Bugs: "bug",
  Requirements: "requirement",
  "System Requirements": "requirement",
  Tasks: "task",
  "User Stories": "task",
  Epics: "task",
  "Test Cases": "test",
  "Test Runs": "test",
  Risks: "risk",
  Hazards: "risk",
  "Change Requests": "change",
  Releases: "release",
};

const SUMMARIES: Record<WorkFamily, string[]> = {
  bug: [
    "{C} alarm latency exceeds {n} s",
    "{C} reports stale value after resume from standby",
    "{C} watchdog reset after {n} h of operation",
    "Crash in {c} when {cond}",
    "{C} alarm not cleared after acknowledgement",
    "Wrong unit shown for {c} on the settings screen",
    "{C} fails self-test at low temperature",
    "Memory leak in {c} during endurance test",
    "{C} log entries are missing timestamps",
    "Race condition between {c} and {c2}",
    "{C}: off-by-one error in ring buffer index",
    "Intermittent CRC errors on {c} frames",
    "{C} {sym} when {cond}",
  ],
  requirement: [
    "The {c} shall {verb} within {n} ms",
    "The {c} shall detect {fault} within {n} ms",
    "The {c} shall log every state change",
    "The {c} shall tolerate a single sensor failure",
    "The {c} accuracy shall be within ±{n} %",
    "The {c} shall {verb} when {cond}",
    "The {c} shall be configurable by a service technician only",
  ],
  task: [
    "Implement {c} diagnostics",
    "Refactor {c} state machine",
    "Add unit tests for {c}",
    "Update {c} interface description",
    "Resolve MISRA findings in {c}",
    "Port {c} to the new HAL",
    "Measure {c} timing on target hardware",
    "As an operator, I want the {c} to {verb} when {cond}",
    "As a service technician, I want to export {c} logs",
    "{C} performance improvements",
    "Certification readiness for {c}",
  ],
  test: [
    "Verify {c} raises an alarm within {n} ms",
    "{C} boundary test at minimum and maximum input",
    "Regression test for {c} after build {build}",
    "Fault injection: {fault} in {c}",
    "Verify {c} recovers when {cond}",
    "Endurance run of {c} for {n} h",
    "Verify {c} and {c2} interaction",
  ],
  risk: ["{h} caused by {c} failure", "{h} when {cond}", "{h} due to {fault} in {c}", "Loss of {c} function leads to {h}"],
  change: [
    "Change {c} default threshold from {n} to {n}",
    "Add {c} self-test at start-up",
    "Replace {c} supplier part",
    "Extend {c} log retention to {n} days",
    "Harmonise {c} and {c2} error codes",
  ],
  release: ["Release 4.{n}", "Maintenance Release 3.{n}.1", "Sprint {n}", "Release 5.0 – certification build", "Hotfix {build}"],
};

const SENTENCES: Record<Family, string[]> = {
  bug: [
    "When {cond}, the {c} {sym}.",
    "Observed on build {build} during {act}.",
    "The {c2} log shows {fault} shortly before the failure.",
    "Expected: the {c} should {verb} within {n} ms.",
    "The problem occurs in roughly one of {n} attempts.",
    "Reverting to build {build} makes the problem disappear.",
    "Steps to reproduce: start the device, wait until the {c} is idle, then make sure {cond}.",
    "This blocks {act} for the next release.",
  ],
  requirement: [
    "The {c} shall {verb} within {n} ms of detecting {fault}.",
    "Rationale: {h} must be prevented even when {cond}.",
    "Verification is by test on the target hardware.",
    "The requirement derives from the system hazard analysis.",
    "The {c2} provides the input values at a rate of {n} Hz.",
    "Tolerances apply over the full operating temperature range.",
  ],
  task: [
    "Scope: the {c} and its interface to the {c2}.",
    "Done when the unit tests pass and the code review is closed.",
    "Estimate assumes the HAL changes from build {build} are merged.",
    "Coordinate with the {c2} owners before merging.",
    "Static analysis must report no new findings.",
    "Document the design decisions in the wiki.",
  ],
  test: [
    "Preconditions: the device runs build {build} and the {c} is calibrated.",
    "Step 1: make sure {cond}.",
    "Step 2: observe the {c} for {n} s.",
    "Expected result: the {c} does {verb} within {n} ms.",
    "Record the {c2} trace for the test report.",
    "Repeat the test {n} times.",
  ],
  risk: [
    "Hazardous situation: {h} when {cond}.",
    "Cause: {fault} in the {c} is not detected.",
    "Risk control: the {c2} monitors the {c} independently.",
    "Residual risk is acceptable after the control is verified.",
    "Severity is rated serious; probability is remote.",
    "Linked to the hazard analysis of build {build}.",
  ],
  change: [
    "Requested after {act}.",
    "Impact: the {c} and the {c2} need a new software release.",
    "Affected documents: the software requirements and the test specification.",
    "Customers reported the current behaviour of the {c} as confusing.",
    "The change needs approval by the change control board.",
  ],
  release: [
    "Contains the fixes verified during {act}.",
    "Baseline: build {build}.",
    "Open issues are listed in the release notes.",
    "Release sign-off needs QA and safety approval.",
  ],
  document: [
    "This document describes the {c} of the {p}.",
    "It applies to build {build} and later.",
    "Section 4 covers the interface between the {c} and the {c2}.",
    "Changes since the previous version are marked in the margin.",
    "The document is controlled under the quality management system.",
    "Open points from {act} are listed in the appendix.",
    "Hazard {h} is addressed in chapter 6.",
  ],
  wiki: [
    "Use the {c} test bench in lab 2 for measurements.",
    "Ask the {c2} team before changing the shared configuration.",
    "Build {build} is the current baseline.",
    "Check the release checklist before tagging a build.",
    "Known issue: the {c} {sym} when {cond}.",
    "Nightly results are posted to the team channel.",
    "Reserve the HIL rig at least {n} hours in advance.",
  ],
  role: [
    "Members of this role may edit work items in all trackers of the project.",
    "Granted to external reviewers for the duration of a review.",
    "Gives read-only access to baselines and reports.",
    "May approve documents about the {c}.",
    "Assigned by the project admin on request.",
  ],
};

export function familyOf(type: TrackerTypeName): Family {
  return FAMILY[type];
}

export function workItemSummary(type: TrackerTypeName, project: ProjectSpec, rng: Random): string {
  return fill(rng.pick(SUMMARIES[FAMILY[type]]), project, rng);
}

/** A few sentences in one to three paragraphs. */
export function longText(family: Family, project: ProjectSpec, rng: Random): string {
  const paragraphs: string[] = [];
  const count = rng.int(1, 3);
  for (let p = 0; p < count; p++) {
    const sentences = rng.sample(SENTENCES[family], rng.int(2, 3)).map((template) => fill(template, project, rng));
    paragraphs.push(sentences.join(" "));
  }
  return paragraphs.join("\n\n");
}

/** One more sentence of the same kind, for edits that add to a text. */
export function extraSentence(family: Family, project: ProjectSpec, rng: Random): string {
  return fill(rng.pick(SENTENCES[family]), project, rng);
}
