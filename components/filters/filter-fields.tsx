"use client";
// The filter form's fields, bound to the tab's react-hook-form: a tab's form lists the fields it
// has and nothing else. Projects and Trackers come as a pair, because choosing projects narrows
// the trackers (lib/audit/events/place-options.ts).
import { useRef } from "react";
import { Controller, useWatch, type Control, type FieldPathByValue, type FieldValues, type PathValue, type UseFormSetValue } from "react-hook-form";
import type { AuditEventType } from "@/lib/generated/prisma/enums";
import { trackerIdsWithin, type ProjectOption, type TrackerOption } from "@/lib/audit/events/place-options";
import type { UserOption } from "@/lib/audit/events/user-refs";
import { EventTypeMultiSelect } from "./event-type-multi-select";
import { ProjectMultiSelect, TrackerMultiSelect } from "./place-multi-selects";
import { UserMultiSelect } from "./user-multi-select";

type IdsPath<Values extends FieldValues> = FieldPathByValue<Values, number[]>;

/** Widths that fit Users, Projects, Trackers, Event Types and a range on one line of a wide screen. */
const FIELD_WIDTHS = { users: 280, projects: 240, trackers: 260, types: 270 } as const;

interface UsersFieldProps<Values extends FieldValues> {
  control: Control<Values>;
  name: IdsPath<Values>;
  label: string;
  initialOptions: UserOption[];
}

export function UsersField<Values extends FieldValues>({ control, name, label, initialOptions }: UsersFieldProps<Values>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <UserMultiSelect
          label={label}
          value={field.value}
          onChange={field.onChange}
          initialOptions={initialOptions}
          error={fieldState.error?.message}
          width={FIELD_WIDTHS.users}
        />
      )}
    />
  );
}

interface EventTypesFieldProps<Values extends FieldValues, Type extends AuditEventType> {
  control: Control<Values>;
  name: FieldPathByValue<Values, Type[]>;
  label: string;
  types: readonly Type[];
}

export function EventTypesField<Values extends FieldValues, Type extends AuditEventType>({ control, name, label, types }: EventTypesFieldProps<Values, Type>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <EventTypeMultiSelect
          label={label}
          types={types}
          value={field.value}
          onChange={field.onChange}
          error={fieldState.error?.message}
          width={FIELD_WIDTHS.types}
        />
      )}
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
