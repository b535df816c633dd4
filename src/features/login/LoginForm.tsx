"use client";
import { useActionState } from "react";
import { loginAction, type LoginState } from "./login-action";

export function LoginForm({ initialError = null, callbackPath = null }: { initialError?: string | null; callbackPath?: string | null }) {
  const initial: LoginState = { error: initialError, email: "" };
  const [state, action, pending] = useActionState(loginAction, initial);
  return (
    <form action={action} className="space-y-4" noValidate>
      {callbackPath && <input type="hidden" name="callbackUrl" value={callbackPath} />}
      {state.error && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-red-900">
          {state.error}
        </p>
      )}
      <div>
        <label htmlFor="email" className="block font-medium">
          E-post
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.email}
          className="mt-1 w-full rounded border border-slate-400 px-3 py-2"
        />
      </div>
      <div>
        <label htmlFor="password" className="block font-medium">
          Passord
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="mt-1 w-full rounded border border-slate-400 px-3 py-2"
        />
      </div>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800 disabled:opacity-60"
      >
        {pending ? "Logger inn …" : "Logg inn"}
      </button>
    </form>
  );
}
