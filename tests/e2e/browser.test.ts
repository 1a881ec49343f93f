/// <reference lib="dom" />
import { readFileSync } from "fs";
import type { Browser, Page } from "playwright-core";
import { browserTestsCanRun, launchBrowser, login, newPage, screenshot, seriousA11yViolations, startApp, type RunningApp } from "./helpers/app";

/**
 * The built app in Debian's Chromium against the real server on the demo network: each role's tasks,
 * an axe check of every screen (0 serious or critical violations), and a screenshot of each.
 */
const describeBrowser = browserTestsCanRun() ? describe : describe.skip;

describeBrowser("the web client in a browser", () => {
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
  }, 90000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function visit(page: Page, path: string, name: string): Promise<void> {
    await page.goto(`${app.url}${path}`);
    await page.locator("main h1").first().waitFor();
    await page.waitForLoadState("networkidle");
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, name);
  }

  it("lets an anonymous visitor browse published offerings and find who is responsible", async () => {
    const { context, page } = await newPage(browser);
    await visit(page, "/", "anonym-start");
    await expect(page.getByRole("link", { name: "Maßnahmen" }).count()).resolves.toBeGreaterThan(0);
    await visit(page, "/massnahmen", "anonym-massnahmen");
    await page.getByLabel("Suchbegriff").fill("Mietführerschein");
    await page.getByRole("button", { name: "Suchen" }).click();
    await page.getByRole("link", { name: "Mietführerschein für Geflüchtete", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Mietführerschein für Geflüchtete" }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "anonym-massnahme");

    await visit(page, "/wer-ist-zustaendig", "anonym-wegweiser");
    await page.getByLabel(/Anliegen/).selectOption({ label: "Soziale Beratung" });
    await page.getByLabel(/Wohnort/).selectOption({ label: "Schopfheim" });
    await page.getByLabel(/^Alter/).fill("30");
    await page.getByRole("button", { name: "Zuständige Stelle finden" }).click();
    await page.getByRole("heading", { name: "Zuständige Stellen" }).waitFor();
    await expect(page.getByText("Erste Anlaufstelle").count()).resolves.toBeGreaterThan(0);
    await screenshot(page, "anonym-wegweiser-ergebnis");
    await context.close();
  }, 120000);

  it("lets the commissioner see the network map and review an overlap", async () => {
    const { context, page } = await newPage(browser);
    await login(page, app.url, "commissioner");
    await page.waitForURL(/\/karte$/);
    const canvas = page.locator(".graph-canvas");
    await canvas.waitFor();
    const expectedNodes = await page.evaluate(async () => {
      const response = await fetch("/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ networkGraph(filter: { betweenness: false }) { nodes { id } } }" }) });
      return ((await response.json()) as { data: { networkGraph: { nodes: unknown[] } } }).data.networkGraph.nodes.length;
    });
    await expect(canvas.getAttribute("data-node-count")).resolves.toBe(String(expectedNodes));
    await page.waitForTimeout(3000);
    // A blank white canvas compresses to a few kilobytes; a drawn graph does not.
    expect((await canvas.screenshot()).length).toBeGreaterThan(20000);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "kommissarin-karte");

    await page.getByLabel("Akteur suchen").fill("Caritas");
    await page.getByRole("button", { name: "Auf der Karte zeigen" }).click();
    await page.getByRole("link", { name: "Vollständiges Profil öffnen" }).waitFor();
    await page.getByRole("button", { name: "Tabelle" }).click();
    await page.getByRole("table", { name: /Akteure der Karte/ }).waitFor();
    await screenshot(page, "kommissarin-karte-tabelle");

    for (const [path, name] of [
      ["/akteure", "kommissarin-akteure"],
      ["/massnahmen", "kommissarin-massnahmen"],
      ["/versorgung", "kommissarin-versorgung"],
      ["/gremien", "kommissarin-gremien"],
      ["/kooperationen", "kommissarin-kooperationen"],
      ["/zustaendigkeiten", "kommissarin-zustaendigkeiten"],
      ["/konten", "kommissarin-konten"],
      ["/protokoll", "kommissarin-protokoll"],
    ] as const) {
      await visit(page, path, name);
    }

    await visit(page, "/ueberschneidungen", "kommissarin-ueberschneidungen");
    await page.getByRole("link", { name: /^Prüfen/ }).first().click();
    await page.getByRole("heading", { name: "Entscheidung" }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "kommissarin-ueberschneidung");
    await page.getByLabel(/keine Überschneidung/).check();
    await page.getByLabel("Notiz").fill("Zielgruppen unterscheiden sich in der Praxis.");
    await page.getByRole("button", { name: "Entscheidung speichern" }).click();
    await page.getByText("Gespeichert: keine Überschneidung.").waitFor();
    await context.close();
  }, 180000);

  it("lets the commissioner keep a network's seats and meetings, responsibilities and accounts current", async () => {
    const { context, page } = await newPage(browser);
    await login(page, app.url, "commissioner");
    await page.waitForURL(/\/karte$/);

    // A seat: the health office joins the Arbeitskreis Migration as a guest.
    await visit(page, "/gremien", "kommissarin-gremien-liste");
    await page.getByRole("link", { name: "Arbeitskreis Migration", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Arbeitskreis Migration" }).waitFor();
    await page.waitForLoadState("networkidle");
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "kommissarin-gremium");
    await page.getByRole("button", { name: "Mitglied hinzufügen" }).click();
    await page.getByRole("heading", { level: 3, name: "Mitglied hinzufügen" }).waitFor();
    await page.getByLabel(/^Akteur/).selectOption({ label: "Landratsamt Lörrach – Gesundheitsamt" });
    await page.getByLabel(/^Rolle/).selectOption({ label: "Gast" });
    await page.getByLabel(/^Seit/).fill("2026-01-15");
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "kommissarin-gremium-mitglied");
    await page.getByRole("button", { name: "Mitglied hinzufügen" }).click();
    await page.getByText("Das Mitglied wurde hinzugefügt.").waitFor();
    await page.getByRole("row", { name: /Landratsamt Lörrach – Gesundheitsamt.*Gast/ }).waitFor();

    // A meeting with a decision and a participant; then one more participant, a new title, saved against the newer version.
    await page.getByRole("link", { name: "Neue Sitzung" }).click();
    await page.getByRole("heading", { level: 1, name: "Neue Sitzung" }).waitFor();
    await page.getByLabel(/^Datum/).fill("2026-02-04");
    await page.getByLabel(/^Titel/).fill("Wintersitzung 2026");
    await page.getByLabel(/^Protokoll/).fill("Das Gesundheitsamt stellt die Impfsprechstunde vor.");
    await page.getByLabel(/^Beschlüsse/).fill("Die Impfsprechstunde wird im Wegweiser aufgenommen.");
    await page.getByLabel("Landratsamt Lörrach – Stabsstelle Integration (Integrationsbeauftragte)").check();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "kommissarin-sitzung-neu");
    await page.getByRole("button", { name: "Speichern" }).click();
    await page.getByRole("heading", { level: 3, name: /Wintersitzung 2026/ }).waitFor();

    await page.getByRole("link", { name: /^Bearbeiten\W+Wintersitzung 2026$/ }).click();
    await page.getByRole("heading", { level: 1, name: "Sitzung bearbeiten" }).waitFor();
    await page.getByLabel("Teilnehmenden Akteur wählen").selectOption({ label: "Landratsamt Lörrach – Gesundheitsamt" });
    await page.getByRole("button", { name: "Hinzufügen", exact: true }).click();
    await page.getByText("Landratsamt Lörrach – Gesundheitsamt wurde als teilnehmend eingetragen.").waitFor();
    await page.waitForLoadState("networkidle");
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "kommissarin-sitzung-bearbeiten");
    await page.getByLabel(/^Titel/).fill("Wintersitzung 2026 mit Gesundheitsamt");
    await page.getByRole("button", { name: "Speichern" }).click();
    const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3, name: /Wintersitzung 2026 mit Gesundheitsamt/ }) });
    await card.waitFor();
    await expect(card.textContent()).resolves.toContain("Landratsamt Lörrach – Gesundheitsamt");

    // Archiving a meeting asks first and can be undone at once.
    await card.getByRole("button", { name: /Sitzung archivieren/ }).click();
    const dialog = page.getByRole("dialog", { name: "Sitzung archivieren?" });
    await dialog.waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole("button", { name: "Sitzung archivieren" }).click();
    await page.getByText("Die Sitzung „Wintersitzung 2026 mit Gesundheitsamt“ wurde archiviert.").waitFor();
    await page.getByRole("button", { name: "Rückgängig machen" }).click();
    await page.getByText("Die Sitzung „Wintersitzung 2026 mit Gesundheitsamt“ wurde wiederhergestellt.").waitFor();
    await card.waitFor();

    await visit(page, "/gremien/neu", "kommissarin-gremium-neu");
    await visit(page, "/kooperationen/neu", "kommissarin-kooperation-neu");

    // A responsibility: the sports association, county-wide, for culture, sport and leisure.
    await visit(page, "/zustaendigkeiten/neu", "kommissarin-zustaendigkeit-neu");
    await page.getByLabel(/^Akteur/).selectOption({ label: "Sportkreis Lörrach e.V." });
    await page.getByLabel(/^Anliegen/).selectOption({ label: "Kultur, Sport, Freizeit" });
    await page.getByLabel(/Für den ganzen Landkreis zuständig/).check();
    await page.getByRole("button", { name: "Speichern" }).click();
    await page.getByText("Die Zuständigkeit wurde gespeichert.").waitFor();
    await page.getByRole("row", { name: /Sportkreis Lörrach e\.V\..*Kultur, Sport, Freizeit/ }).waitFor();

    // An invitation for the sports association: a single-use link, redeemed in another browser.
    await visit(page, "/konten", "kommissarin-konten-einladen");
    await page.getByLabel(/^E-Mail-Adresse der eingeladenen Person/).fill("sport@sportkreis.example");
    await page.getByLabel(/^Organisation/).selectOption({ label: "Sportkreis Lörrach e.V." });
    await page.getByRole("button", { name: "Einladungslink erstellen" }).click();
    await page.getByRole("heading", { name: "Einladungslink für sport@sportkreis.example" }).waitFor();
    const link = await page.getByLabel("Einladungslink").inputValue();
    expect(link).toMatch(/\/einladung#token=[\w-]+$/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "kommissarin-einladung");
    await page.getByRole("button", { name: /^Link zum Zurücksetzen des Passworts\W+analyst@demo\.example$/ }).click();
    await expect(page.getByLabel("Link zum Zurücksetzen").inputValue()).resolves.toMatch(/\/passwort-neu#token=/);
    await context.close();

    const invited = await newPage(browser);
    await visit(invited.page, "/passwort-neu", "anonym-passwort-neu");
    await invited.page.goto(`${app.url}/einladung${link.slice(link.indexOf("#"))}`);
    await invited.page.getByRole("heading", { level: 1, name: "Einladung annehmen" }).waitFor();
    expect(await invited.page.getByLabel(/^Einladungscode/).count()).toBe(0);
    await invited.page.getByLabel(/^Neues Passwort/).fill("Im Sportkreis spielen alle mit");
    await invited.page.getByLabel(/^Passwort wiederholen/).fill("Im Sportkreis spielen alle mit");
    await invited.page.getByRole("button", { name: "Konto anlegen und anmelden" }).click();
    await invited.page.waitForURL(/\/portal$/);
    await invited.page.getByText(/Sportkreis Lörrach e\.V\./).first().waitFor();
    await invited.context.close();
  }, 240000);

  it("lets a partner edit an own offering but not another actor's organisation", async () => {
    const { context, page } = await newPage(browser);
    await login(page, app.url, "partner");
    await page.waitForURL(/\/portal$/);
    await page.getByRole("heading", { name: "Meine Angebote" }).waitFor();
    await page.waitForLoadState("networkidle");
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "partner-portal");

    await page.getByRole("row", { name: /Mietführerschein für Geflüchtete – Lörrach/ }).getByRole("link", { name: /Bearbeiten/ }).click();
    await page.getByRole("heading", { name: "Maßnahme bearbeiten" }).waitFor();
    await page.getByLabel(/^Plätze/).fill("17");
    await screenshot(page, "partner-massnahme-bearbeiten");
    await page.getByRole("button", { name: "Speichern" }).click();
    await page.getByText("17", { exact: true }).waitFor();

    // Archiving asks first; Escape keeps the offering, confirming archives it, and it can be restored.
    await page.goto(`${app.url}/portal`);
    const row = page.getByRole("row", { name: /Migrantinnen ins Ehrenamt/ });
    await row.getByRole("button", { name: /Archivieren/ }).click();
    const dialog = page.getByRole("dialog", { name: "Maßnahme archivieren?" });
    await dialog.waitFor();
    await expect(dialog.getByRole("button", { name: "Abbrechen" }).evaluate((b) => b === document.activeElement)).resolves.toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "partner-archivieren-fragt");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    await row.getByRole("button", { name: /Archivieren/ }).click();
    await dialog.getByRole("button", { name: "Archivieren" }).click();
    await page.getByText("Die Maßnahme wurde archiviert.").waitFor();
    await row.getByRole("button", { name: /Wiederherstellen/ }).click();
    await page.getByRole("dialog", { name: "Maßnahme wiederherstellen?" }).getByRole("button", { name: "Wiederherstellen" }).click();
    await page.getByText("Die Maßnahme wurde wiederhergestellt.").waitFor();

    await page.goto(`${app.url}/akteure/QWN0b3I6MQ/bearbeiten`);
    await page.getByRole("alert").filter({ hasText: "Berechtigung" }).waitFor();
    await screenshot(page, "partner-fremder-akteur");
    await context.close();
  }, 120000);

  it("lets an analyst run a query in GraphiQL and export a list as CSV", async () => {
    const { context, page } = await newPage(browser);
    await login(page, app.url, "analyst");
    await page.waitForURL(/\/analyse$/);
    await visit(page, "/analyse", "analyse");
    await page.getByRole("button", { name: "Abfrage ausführen" }).click();
    await page.getByRole("button", { name: "Als CSV exportieren" }).waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Als CSV exportieren" }).click()]);
    const csv = readFileSync((await download.path())!, "utf8");
    expect(csv.split("\r\n")[0]).toContain("score");
    expect(csv.split("\r\n").length).toBeGreaterThan(2);

    await page.goto(`${app.url}/graphiql`);
    // Monaco renders the example query once the editor and the schema are ready; run it then.
    await page.waitForFunction(() => document.querySelector(".graphiql-query-editor")?.textContent?.includes("AkteureMitMassnahmenUndGremien"), null, { timeout: 30000 });
    await page.locator(".graphiql-execute-button").click();
    await page.waitForFunction(() => (document.querySelector(".graphiql-response") as HTMLElement | null)?.innerText.includes('"totalCount"'), null, { timeout: 30000 });
    await screenshot(page, "analyse-graphiql");

    await page.goto(`${app.url}/analyse`);
    await page.getByRole("button", { name: "Abmelden" }).click();
    await page.getByRole("link", { name: "Anmelden" }).first().waitFor();
    await page.goto(`${app.url}/protokoll`);
    await page.getByRole("heading", { level: 1, name: "Anmeldung nötig" }).waitFor();
    await context.close();
  }, 120000);
});
