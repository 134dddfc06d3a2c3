import { NotFoundCard } from "@/components/not-found-card";

export default function TrackerNotFound() {
  return (
    <NotFoundCard
      title="No such tracker"
      description="There is no tracker with this id, and no audit event names one."
      back={{ label: "Back to Audit", href: "/audit/artifacts" }}
    />
  );
}
