"use client";
import { useEffect, useState } from "react";

// The outcome of a row action, shown above the list. A row that is done
// leaves the list when it refreshes, so its own status line would vanish
// with it before anyone (or a screen reader) could read it.

const EVENT = "forlopsvakt:worklist-announce";

export function announceWorklistChange(message: string) {
  window.dispatchEvent(new CustomEvent<string>(EVENT, { detail: message }));
}

export function WorklistAnnouncer() {
  const [message, setMessage] = useState("");
  useEffect(() => {
    const show = (event: Event) => setMessage((event as CustomEvent<string>).detail);
    window.addEventListener(EVENT, show);
    return () => window.removeEventListener(EVENT, show);
  }, []);
  return (
    <p role="status" className="mt-4 min-h-6 font-medium text-green-900">
      {message}
    </p>
  );
}
