import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// One language for users (issue 17): NPR's findings are "oppmerksomheter",
// never "merknader"; "frammøte" is spelled one way (NPR's own notice texts
// write it so); internal ids such as E_WITHOUT_C are never part of a sentence
// shown to users. Reads the text in the source: string literals and JSX text
// that hold a space (so URL slugs and identifiers are left alone).

const ROOTS = ["app", "src/features", "src/domain", "src/server"];
const SKIP = [/src\/generated\//, /src\/server\/seed\//];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(ts|tsx)$/.test(name) && !SKIP.some((s) => s.test(path)) ? [path] : [];
  });
}

/** Text a user may see: literals and JSX text with at least one space, comments left out. */
function sentences(source: string, jsx = true): string[] {
  const code = source
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .split("\n")
    .filter((line) => !line.trim().startsWith("//"))
    .map((line) => line.replace(/\s\/\/ .*$/, ""))
    .join("\n");
  const pattern = jsx ? /"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`|>([^<>{}]+)</g : /"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g;
  // a template's ${…} parts are code, not text
  const literals = [...code.matchAll(pattern)].map((m) => (m[1] ?? m[2] ?? m[3]).replace(/\$\{[^}]*\}/g, " "));
  return literals.filter((text) => /\S\s+\S/.test(text));
}

const BANNED: [RegExp, string][] = [
  [/fremmøte/i, "write «frammøte»"],
  [/\bmerknad(en|er|ene)?\b/i, "NPR's findings are «oppmerksomheter»"],
  [/\b[A-Z]_WITHOUT_[A-Z]\b|\b(MISSING_START|FIRST_NOT_START|NOT_IN_FORCE|M_AFTER_C|INVALID_CODE|MISSING_OUTCOME|TOO_MANY_C|EVENT_AFTER_END|FUTURE_DATE)\b/, "an internal id in a sentence: show the Norwegian text"],
];

describe("user-facing text", () => {
  it("uses one term for NPR's findings, one spelling of frammøte, and no internal ids", () => {
    const found: string[] = [];
    for (const root of ROOTS) {
      for (const file of files(root)) {
        for (const text of sentences(readFileSync(file, "utf8"), file.endsWith(".tsx"))) {
          for (const [pattern, why] of BANNED) if (pattern.test(text)) found.push(`${file}: "${text.trim().slice(0, 80)}" (${why})`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  it("the check finds what it looks for", () => {
    expect(sentences(`const a = "Første fremmøte"; // a "merknad" comment\n<p>Uforklart merknad</p>`)).toEqual(["Første fremmøte", "Uforklart merknad"]);
  });
});
