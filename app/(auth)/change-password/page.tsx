// /change-password: where a user who signed in with a one-time password must choose their own
// before the console shows anything else (the guard refuses them everywhere but here), and where
// any console account may change its password. Nobody signed in: the sign-in page; no console role: 403.
import type { Metadata } from "next";
import { forbidden, redirect } from "next/navigation";
import { CHANGE_PASSWORD_PATH, safeCallbackPath, signInPath } from "@/lib/auth/callback-url";
import { getViewer } from "@/lib/auth/guard";
import { ChangePasswordForm } from "./_components/change-password-form";

export const metadata: Metadata = { title: "Change your password" };

interface ChangePasswordPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function ChangePasswordPage({ searchParams }: ChangePasswordPageProps) {
  const value = (await searchParams).callbackUrl;
  const callbackPath = safeCallbackPath(Array.isArray(value) ? value[0] : value);
  const viewer = await getViewer();
  if (viewer.kind === "anonymous") redirect(signInPath(CHANGE_PASSWORD_PATH));
  if (viewer.kind === "forbidden") forbidden();
  const account = viewer.kind === "passwordChange" ? viewer : viewer.principal;
  return (
    <ChangePasswordForm
      forced={viewer.kind === "passwordChange"}
      username={account.username}
      displayName={account.displayName}
      callbackPath={callbackPath === CHANGE_PASSWORD_PATH ? safeCallbackPath(null) : callbackPath}
    />
  );
}
