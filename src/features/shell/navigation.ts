import { can, type Action, type Role } from "@/domain/permissions";

// The main menu; each entry is shown only to roles allowed its action.
const NAV_ITEMS: { href: string; label: string; action: Action }[] = [
  { href: "/mine-pasienter", label: "Mine pasienter", action: "pathway.list.own" },
  { href: "/arbeidsliste", label: "Arbeidsliste", action: "worklist.view" },
  { href: "/henvisninger", label: "Henvisninger", action: "referral.read" },
  { href: "/forlop/ny", label: "Nytt forløp", action: "pathway.create" },
  { href: "/rapporter", label: "Rapporter", action: "report.view" },
  { href: "/import", label: "Import fra EPJ", action: "epj.import" },
  { href: "/admin", label: "Administrasjon", action: "admin.users" },
  { href: "/revisjon", label: "Revisjon", action: "audit.read" },
];

export function navigationFor(role: Role) {
  return NAV_ITEMS.filter((item) => can(role, item.action));
}
