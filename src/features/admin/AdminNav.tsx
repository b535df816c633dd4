"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

// The administration's own menu, on every page under /admin. Rule tables and
// machine clients are pages of their own features; this menu only links them.
export const ADMIN_SECTIONS = [
  { href: "/admin/brukere", label: "Brukere" },
  { href: "/admin/enheter", label: "Enheter" },
  { href: "/admin/regeltabeller", label: "Regeltabeller" },
  { href: "/admin/klienter", label: "Maskinklienter" },
] as const;

export function AdminNav() {
  const path = usePathname();
  return (
    <nav aria-label="Administrasjon" className="mb-4 flex flex-wrap gap-4 border-b border-slate-200 pb-2">
      {ADMIN_SECTIONS.map((item) => {
        // /admin itself shows Brukere
        const current = path === item.href || path.startsWith(`${item.href}/`) || (path === "/admin" && item.href === "/admin/brukere");
        return (
          <Link
            key={item.href}
            href={item.href}
            // not prefetched: a prefetch of a page not (yet) there, a 404, never ends its response
            // here (seen with Next 16.4), and a page that never goes network-idle stalls tests
            prefetch={false}
            aria-current={current ? "page" : undefined}
            className={`text-blue-800 underline-offset-4 hover:underline ${current ? "font-semibold underline" : ""}`}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
