// The Artifacts tab with its @modal slot: "Show changes" opens the diff over the table
// (@modal/(..)changes/[id]); the same URL loaded directly is the diff's own page.
import type { ReactNode } from "react";

export default function ArtifactsLayout({ children, modal }: { children: ReactNode; modal: ReactNode }) {
  return (
    <>
      {children}
      {modal}
    </>
  );
}
