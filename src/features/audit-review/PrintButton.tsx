"use client";

/** Prints the page (the print CSS leaves out menus and forms). */
export function PrintButton({ label = "Skriv ut" }: { label?: string }) {
  return (
    <button type="button" onClick={() => window.print()} className="no-print rounded bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800">
      {label}
    </button>
  );
}
