// /audit/changes/[id] opened from the Artifacts tab: the diff over the table.
import { ChangesModalRoute } from "@/components/diff/changes-modal-route";

export default function ArtifactChangesModal({ params }: { params: Promise<{ id: string }> }) {
  return <ChangesModalRoute params={params} />;
}
