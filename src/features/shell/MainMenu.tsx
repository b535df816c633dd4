"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

// The main menu marks the page the user is on (aria-current), also on the
// pages below an entry (a pathway opened from Mine pasienter is not marked:
// /forlop/<id> belongs to no entry, only /forlop/ny does).
export function MainMenu({ items }: { items: { href: string; label: string }[] }) {
  const path = usePathname();
  return (
    <nav aria-label="Hovedmeny" className="flex flex-wrap gap-4">
      {items.map((item) => {
        const current = path === item.href || path.startsWith(`${item.href}/`);
        return (
          <Link
            key={item.href}
            href={item.href}
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
