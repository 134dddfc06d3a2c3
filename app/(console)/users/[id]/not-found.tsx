import { NotFoundCard } from "@/components/not-found-card";

export default function UserNotFound() {
  return (
    <NotFoundCard
      title="No such user"
      description="There is no user with this id. The user may have been deleted; their events keep the name they had."
      back={{ label: "Back to Audit", href: "/audit/logins" }}
    />
  );
}
