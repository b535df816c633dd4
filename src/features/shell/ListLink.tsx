import Link from "next/link";
import type { ComponentProps } from "react";

// A link that a page repeats per row or per figure (patients in a list,
// counts in a report). Next.js prefetches every link that scrolls into view:
// one worklist view sent 18–36 prefetch requests, ~4 ms of server CPU each,
// together more than rendering the page. These pages are dynamic, so a
// prefetch brought little: the page is fetched on click either way.
export function ListLink(props: Omit<ComponentProps<typeof Link>, "prefetch">) {
  return <Link {...props} prefetch={false} />;
}
