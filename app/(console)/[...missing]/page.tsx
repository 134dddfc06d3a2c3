import { notFound } from "next/navigation";

// Any console address no page answers: the console's own not-found page (../not-found.tsx),
// inside the shell, instead of Next's bare one. /api/... has its own JSON answer.
export default function MissingConsolePage() {
  notFound();
}
