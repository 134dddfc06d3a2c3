"use client";
// A source's "Open in the source system" link template: checked by the same zod schema as the
// server action (an http(s) URL, known placeholders only); blank removes the link.
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Button, Group, Text, TextInput } from "@mantine/core";
import type { z } from "zod";
import { LINK_PLACEHOLDERS, sourceLinkInputSchema, type SourceLinkInput } from "@/lib/audit/events/source-links";
import { saveSourceLinkAction } from "../actions";

const PLACEHOLDERS = LINK_PLACEHOLDERS.map((name) => `{${name}}`).join(", ");

export function SourceLinkForm({ source, template }: { source: string; template: string | null }) {
  const form = useForm<SourceLinkInput, unknown, z.output<typeof sourceLinkInputSchema>>({
    resolver: zodResolver(sourceLinkInputSchema),
    defaultValues: { source, linkTemplate: template ?? "" },
  });
  const [pending, startTransition] = useTransition();
  const [saved, setSaved] = useState<string | null>(null);
  const fieldId = `link-template-${source}`;

  const submit = form.handleSubmit(() =>
    startTransition(async () => {
      setSaved(null);
      const values = form.getValues();
      const result = await saveSourceLinkAction(values);
      if (!result.ok) {
        form.setError(result.field === "source" ? "root" : "linkTemplate", { type: "server", message: result.message });
        return;
      }
      const cleared = values.linkTemplate.trim() === "";
      form.reset({ source, linkTemplate: values.linkTemplate.trim() });
      setSaved(!result.value.changed ? "No change." : cleared ? "Link removed." : "Saved.");
    }),
  );

  const error = form.formState.errors.linkTemplate?.message ?? form.formState.errors.root?.message;
  return (
    <form onSubmit={submit} noValidate aria-label={`Link template of ${source}`}>
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <TextInput
          id={fieldId}
          label="Link template"
          description={`"Open in ${source}" on entity pages and diffs; ${PLACEHOLDERS} take ${source}'s own ids. Blank: no link.`}
          placeholder="https://alm.example.com/cb/item/{artifactId}"
          error={error}
          style={{ flex: 1, minWidth: 0 }}
          size="sm"
          spellCheck={false}
          {...form.register("linkTemplate", { onChange: () => setSaved(null) })}
        />
        <Button type="submit" size="sm" variant="default" loading={pending}>
          Save
        </Button>
      </Group>
      <Text size="xs" c="dimmed" role="status" mt={4} mih={18}>
        {saved}
      </Text>
    </form>
  );
}
