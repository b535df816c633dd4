import { test } from "@playwright/test";
import { logIn } from "./support";
test("measure", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await logIn(page, "koordinator@forlopsvakt.test", "Arbeidsliste");
  for (const url of ["/arbeidsliste?behandler=ingen&sortering=frist&horisont=365", "/rapporter"]) {
    await page.goto(url);
    const out = await page.evaluate(() => {
      const res: string[] = [`scrollWidth=${document.documentElement.scrollWidth}`];
      for (const el of Array.from(document.querySelectorAll("body *"))) {
        const r = el.getBoundingClientRect();
        if (r.right > 391 && el.parentElement && el.parentElement.getBoundingClientRect().right <= 391) res.push(`${el.tagName}.${(el.className||"").toString().slice(0,60)} right=${Math.round(r.right)} w=${Math.round(r.width)} text=${(el.textContent||"").slice(0,40)}`);
      }
      return res.slice(0, 25);
    });
    console.log(url, "\n" + out.join("\n"));
  }
});
