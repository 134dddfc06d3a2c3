import { redirect } from "next/navigation";
import { DEFAULT_LANDING } from "@/lib/auth/callback-url";

// The front door: the console layout has already sent anyone not signed in to the sign-in page.
export default function ConsoleHome() {
  redirect(DEFAULT_LANDING);
}
