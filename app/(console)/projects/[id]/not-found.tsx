import { NotFoundCard } from "@/components/not-found-card";

export default function ProjectNotFound() {
  return (
    <NotFoundCard
      title="No such project"
      description="There is no project with this id, and no audit event names one."
      back={{ label: "Back to Audit", href: "/audit/artifacts" }}
    />
  );
}
