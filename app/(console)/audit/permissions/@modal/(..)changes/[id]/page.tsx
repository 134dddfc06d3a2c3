// /audit/changes/[id] opened from the Permissions tab: the diff over the table.
import { ChangesModalRoute } from "@/components/diff/changes-modal-route";

export default function PermissionChangesModal({ params }: { params: Promise<{ id: string }> }) {
  return <ChangesModalRoute params={params} />;
}
