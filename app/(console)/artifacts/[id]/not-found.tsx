import { NotFoundCard } from "@/components/not-found-card";

export default function ArtifactNotFound() {
  return (
    <NotFoundCard
      title="No such artifact"
      description="There is no artifact with this id, and no audit event names one."
      back={{ label: "Back to Audit", href: "/audit/artifacts" }}
    />
  );
}
