import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { changePasswordPath, safeCallbackPath } from "@/lib/auth/callback-url";
import { getViewer } from "@/lib/auth/guard";
import { messageForErrorCode } from "@/lib/auth/sign-in-messages";
import { LoginForm } from "./_components/login-form";

export const metadata: Metadata = { title: "Sign in" };

interface LoginPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function LoginPage({ searchParams }: LoginPageProps) {
  const params = await searchParams;
  const callbackPath = safeCallbackPath(first(params.callbackUrl));
  const viewer = await getViewer();
  if (viewer.kind === "allowed") redirect(callbackPath);
  if (viewer.kind === "passwordChange") redirect(changePasswordPath(callbackPath));
  const error = first(params.error);
  return <LoginForm callbackPath={callbackPath} initialError={error ? messageForErrorCode(error) : null} signedOut={first(params.signedOut) === "1"} />;
}
