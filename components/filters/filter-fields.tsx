"use client";
// The filter form's fields, bound to the tab's react-hook-form: a tab's form lists the fields it
// has and nothing else. Projects and Trackers come as a pair, because choosing projects narrows
// the trackers (lib/audit/events/place-options.ts).
import { useRef, type ReactNode } from "react";
import { Controller, useWatch, type Control, type FieldPathByValue, type FieldValues, type PathValue, type UseFormSetValue } from "react-hook-form";
import type { AuditEventType } from "@/lib/generated/prisma/enums";
import { trackerIdsWithin, type ProjectOption, type TrackerOption } from "@/lib/audit/events/place-options";
import type { SourceOption } from "@/lib/audit/events/sources";
import type { UserOption } from "@/lib/audit/events/user-refs";
import { EventTypeMultiSelect } from "./event-type-multi-select";
import { ProjectMultiSelect, TrackerMultiSelect } from "./place-multi-selects";
import { SourceMultiSelect } from "./source-multi-select";
import { UserMultiSelect } from "./user-multi-select";

type IdsPath<Values extends FieldValues> = FieldPathByValue<Values, number[]>;

/** Widths that fit Users, Projects, Trackers, Event Types and a range on one line of a wide screen; Sources names are short. */
const FIELD_WIDTHS = { users: 280, projects: 240, trackers: 260, types: 270, sources: 200 } as const;

/** What a picker takes from the form: its value, the way to change it, and its refusal. */
interface Bound<Value> {
  value: Value;
  onChange: (value: Value) => void;
  error?: string;
}

interface BoundFieldProps<Values extends FieldValues, Value> {
  control: Control<Values>;
  name: FieldPathByValue<Values, Value>;
  render: (bound: Bound<Value>) => ReactNode;
}

/** A picker bound to the form's field `name`. */
function BoundField<Values extends FieldValues, Value>({ control, name, render }: BoundFieldProps<Values, Value>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => <>{render({ value: field.value, onChange: field.onChange, error: fieldState.error?.message })}</>}
    />
  );
}

/** The pickers of the list fields whose options come with the page, by the field's option kind. */
const LIST_PICKERS = {
  // Users: the chosen users as the server knows them; the picker searches for more.
  users: (label: string, options: UserOption[], bound: Bound<number[]>) => (
    <UserMultiSelect label={label} initialOptions={options} width={FIELD_WIDTHS.users} {...bound} />
  ),
  // Sources: every choice.
  sources: (label: string, options: SourceOption[], bound: Bound<string[]>) => (
    <SourceMultiSelect label={label} options={options} width={FIELD_WIDTHS.sources} {...bound} />
  ),
};

type Pickers = typeof LIST_PICKERS;
type PickerOptions<Kind extends keyof Pickers> = Parameters<Pickers[Kind]>[1];
type PickerValue<Kind extends keyof Pickers> = Parameters<Pickers[Kind]>[2]["value"];

interface ListFieldProps<Values extends FieldValues, Kind extends keyof Pickers> {
  control: Control<Values>;
  name: FieldPathByValue<Values, PickerValue<Kind>>;
  label: string;
  kind: Kind;
  options: PickerOptions<Kind>;
}

/** Users (and Target Users), or Sources. */
export function ListField<Values extends FieldValues, Kind extends keyof Pickers>({ control, name, label, kind, options }: ListFieldProps<Values, Kind>) {
  // The kind ties the options and the value to its picker; TypeScript does not follow it through the lookup.
  const picker = LIST_PICKERS[kind] as (label: string, options: PickerOptions<Kind>, bound: Bound<PickerValue<Kind>>) => ReactNode;
  return <BoundField control={control} name={name} render={(bound) => picker(label, options, bound)} />;
}

interface EventTypesFieldProps<Values extends FieldValues, Type extends AuditEventType> {
  control: Control<Values>;
  name: FieldPathByValue<Values, Type[]>;
  label: string;
  types: readonly Type[];
}

export function EventTypesField<Values extends FieldValues, Type extends AuditEventType>({ control, name, label, types }: EventTypesFieldProps<Values, Type>) {
  return (
    <BoundField
      control={control}
      name={name}
      render={(bound: Bound<Type[]>) => <EventTypeMultiSelect label={label} types={types} width={FIELD_WIDTHS.types} {...bound} />}
    />
  );
}

type PlaceValues = FieldValues & { projects: number[]; trackers: number[] };

interface PlaceFieldsProps<Values extends PlaceValues> {
  control: Control<Values>;
  setValue: UseFormSetValue<Values>;
  labels: { projects: string; trackers: string };
  initialProjects: ProjectOption[];
  initialTrackers: TrackerOption[];
}

export function PlaceFields<Values extends PlaceValues>({ control, setValue, labels, initialProjects, initialTrackers }: PlaceFieldsProps<Values>) {
  const projectsPath = "projects" as IdsPath<Values>;
  const trackersPath = "trackers" as IdsPath<Values>;
  // Every tracker seen so far, to know which project a chosen one belongs to.
  const knownTrackers = useRef(new Map(initialTrackers.map((tracker) => [tracker.id, tracker])));
  const [projects, trackers] = useWatch({ control, name: [projectsPath, trackersPath] }) as [number[], number[]];
  return (
    <>
      <Controller
        control={control}
        name={projectsPath}
        render={({ field, fieldState }) => (
          <ProjectMultiSelect
            label={labels.projects}
            value={field.value}
            onChange={(next) => {
              field.onChange(next);
              const kept = trackerIdsWithin(trackers, knownTrackers.current, next);
              if (kept.length !== trackers.length) setValue(trackersPath, kept as PathValue<Values, IdsPath<Values>>, { shouldDirty: true });
            }}
            initialOptions={initialProjects}
            error={fieldState.error?.message}
            width={FIELD_WIDTHS.projects}
          />
        )}
      />
      <Controller
        control={control}
        name={trackersPath}
        render={({ field, fieldState }) => (
          <TrackerMultiSelect
            label={labels.trackers}
            value={field.value}
            onChange={field.onChange}
            projects={projects}
            onFound={(found) => {
              for (const tracker of found) knownTrackers.current.set(tracker.id, tracker);
            }}
            initialOptions={initialTrackers}
            error={fieldState.error?.message}
            width={FIELD_WIDTHS.trackers}
          />
        )}
      />
    </>
  );
}
