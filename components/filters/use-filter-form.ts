"use client";
// The behaviour every tab's filter form shares: react-hook-form validated by the tab's zod schema,
// Search writes the filters into the URL (back to page 1), Reset clears them, a refusal the server
// found in the URL shows on its field, and the range field's three values move together.
import { useEffect, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useForm, useWatch, type DefaultValues, type FieldValues, type Path, type PathValue, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryStates, type UseQueryStatesKeysMap } from "nuqs";
import type { z } from "zod";
import { CUSTOM_RANGE, type DateRangeValues } from "@/lib/audit/search/filter-schema";

export type AuditFilterValues = FieldValues & DateRangeValues & { users: number[]; types: string[] };

interface FilterFormOptions<Values extends AuditFilterValues> {
  /** the tab's filter schema (loginFiltersSchema, ...) */
  schema: z.ZodType<Values, Values>;
  /** the filters the URL holds now */
  values: Values;
  /** what Reset goes back to */
  defaults: Values;
  /** refusals the server found in the URL, by field, without the label */
  errors: Record<string, string>;
  /** the tab's URL parsers (lib/audit/tabs/tab-url.ts) */
  parsers: UseQueryStatesKeysMap;
}

export function useFilterForm<Values extends AuditFilterValues>({ schema, values, defaults, errors, parsers }: FilterFormOptions<Values>) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [url, setUrl] = useQueryStates(parsers, { shallow: false, history: "push", scroll: false, startTransition });
  const form = useForm<Values>({
    resolver: zodResolver(schema) as unknown as Resolver<Values>,
    defaultValues: values as DefaultValues<Values>,
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const { setError, setValue, trigger, clearErrors } = form;

  useEffect(() => {
    for (const [field, message] of Object.entries(errors)) setError(field as Path<Values>, { type: "server", message });
  }, [errors, setError]);

  const submit = form.handleSubmit((next) => {
    const custom = next.range === CUSTOM_RANGE;
    const wanted = { ...next, from: custom ? next.from : null, to: custom ? next.to : null };
    // The same filters again: the admin wants fresh results, which the unchanged URL would not bring.
    if (JSON.stringify(wanted) === JSON.stringify(values) && (url.page ?? 1) === 1) {
      startTransition(() => router.refresh());
      return;
    }
    void setUrl({ ...wanted, page: null, after: null, before: null });
  });

  const reset = () => {
    form.reset(defaults);
    void setUrl({ ...Object.fromEntries(Object.keys(defaults).map((key) => [key, null])), page: null, after: null, before: null });
  };

  const field = (name: keyof DateRangeValues) => name as Path<Values>;
  const [range, from, to] = useWatch({ control: form.control, name: [field("range"), field("from"), field("to")] });
  const rangeField = {
    value: { range, from, to } as DateRangeValues,
    error: form.formState.errors.range?.message as string | undefined,
    onChange(next: DateRangeValues) {
      for (const key of ["range", "from", "to"] as const) {
        setValue(field(key), next[key] as PathValue<Values, Path<Values>>, { shouldDirty: true });
      }
      // Judge a custom range once both days are picked; a half-picked range is not an error yet.
      if (next.range !== CUSTOM_RANGE || (next.from && next.to)) void trigger(field("range"));
      else clearErrors(field("range"));
    },
  };

  return { form, submit, reset, pending, rangeField };
}
