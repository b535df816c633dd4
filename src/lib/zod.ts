import { z } from "zod";

// Every schema imports zod from here, so that zod's own messages (for checks
// that carry no message of ours) reach users in Norwegian, not English.
z.config(z.locales.no());

export { z };
