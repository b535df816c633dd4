import { useCallback, type MouseEvent } from "react";
import { useRouter } from "next/navigation";

// Lists that repeat a link per row or per figure (the worklist's patients, its
// summary's counts) render plain anchors and follow them inside the app with
// one click handler on the list (this hook), as next/link without prefetch
// (ListLink.tsx) follows its own. next/link renders the same <a href>, at a
// cost on every view: the worklist's table of 50 rows took ~1.0 ms to render
// to HTML with a next/link per patient and 0.3-0.5 ms without (renderToString
// alone, 2026-11-29), beside the summary's 12 count links.

/**
 * A click handler for the element around such anchors: a plain left click on
 * an anchor whose address starts with `prefix` navigates inside the app (no
 * full page load, as next/link); a click with a modifier key or another
 * button (new tab, download), or one a link of its own already handled
 * (next/link), is left to the browser.
 */
export function useFollowLink(prefix: string) {
  const router = useRouter();
  return useCallback(
    (e: MouseEvent<HTMLElement>) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const link = e.target instanceof Element ? e.target.closest("a[href]") : null;
      const href = link?.getAttribute("href");
      if (!link || !href?.startsWith(prefix) || link.hasAttribute("target") || link.hasAttribute("download") || !e.currentTarget.contains(link)) return;
      e.preventDefault();
      router.push(href);
    },
    [router, prefix],
  );
}
