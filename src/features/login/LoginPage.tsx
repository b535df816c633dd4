import { redirect } from "next/navigation";
import { getCurrentUser } from "@/server/auth/current-user";
import { LoginForm } from "./LoginForm";

export async function LoginPage() {
  if (await getCurrentUser()) redirect("/");
  return (
    <div className="mx-auto mt-12 max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="mb-1 text-2xl font-semibold">Logg inn</h1>
      <p className="mb-6 text-slate-700">Forløpsvakt – pakkeforløp psykisk helse og rus</p>
      <LoginForm />
    </div>
  );
}
