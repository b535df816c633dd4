import type { Metadata } from "next";
import "./globals.css";
import { AppHeader } from "@/features/shell/AppHeader";

export const metadata: Metadata = {
  title: { default: "Forløpsvakt", template: "%s – Forløpsvakt" },
  description: "Pakkeforløp psykisk helse og rus: koding, frister og oppfølging",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="nb">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
          Hopp til hovedinnhold
        </a>
        <AppHeader />
        <main id="main" className="mx-auto max-w-7xl px-4 py-6">
          {children}
        </main>
      </body>
    </html>
  );
}
