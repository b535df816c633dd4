import { DEFAULT_CODE_BOOK, invalidForType, parseCode, type CodeBook, type PathwayType } from "@/domain/rules";

// The code form's main field: a code typed as one string, either a letter with
// its outcome ("CP") or a concatenated procedure code ("D11CP": pathway type,
// letter, outcome), read by the rules engine's parseCode. A type other than the
// pathway's own is refused with the engine's Norwegian message.

export type CodeEntry = { ok: true; letter: string; outcome: string | null } | { ok: false; error: string };

export function readCodeEntry(text: string, pathwayType: PathwayType, book: CodeBook = DEFAULT_CODE_BOOK): CodeEntry | null {
  const raw = text.trim().toUpperCase();
  if (raw === "") return null;
  const parsed = parseCode(raw, null, pathwayType, book);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const wrongType = invalidForType(parsed.letter, parsed.outcome, pathwayType);
  if (wrongType) return { ok: false, error: wrongType };
  return { ok: true, letter: parsed.letter, outcome: parsed.outcome };
}
