// Instants on the pathway page (recorded, annulled, explained), in Oslo time.
export const timestamp = new Intl.DateTimeFormat("nb-NO", { timeZone: "Europe/Oslo", dateStyle: "short", timeStyle: "short" });
