import { DataSource, EntityManager } from "typeorm";
import { Actor, ContactPerson } from "../../modules/actors/actor.entity";
import { Cooperation } from "../../modules/cooperations/cooperation.entity";
import { Handler } from "../../modules/handlers/handler.entity";
import { Measure } from "../../modules/measures/measure.entity";
import { Meeting, Membership, Network } from "../../modules/networks/network.entity";
import { FieldOfAction, Municipality, TargetGroup } from "../../modules/taxonomy/taxonomy.entity";
import { createLoaders } from "../../app/context";
import { Role } from "../../modules/auth/auth.enums";
import { recomputeOverlaps } from "../../modules/overlaps/overlap.service";
import { createAccount } from "../../modules/auth/auth.service";
import { buildDemoNetwork, DEMO_PARTNER_ACTOR_KEY } from "./demo-network";
import { DemoNetwork } from "./demo-network.types";
import { ensureReferenceData } from "./reference-data";

export interface LoadSummary {
  /** Actor key of the demo data → database id. */
  actorIds: Map<string, number>;
  actors: number;
  measures: number;
  handlers: number;
  networks: number;
  memberships: number;
  meetings: number;
  cooperations: number;
}

/** True when the database holds no actors yet (the demo is only ever loaded into an empty network). */
export async function isEmpty(ds: DataSource): Promise<boolean> {
  return (await ds.getRepository(Actor).count()) === 0;
}

/**
 * Loads a demo network in one transaction: either all of it lands or nothing does. References by key are
 * resolved here; an unknown key is a programming error in the data and aborts the load.
 */
export async function loadNetwork(ds: DataSource, data: DemoNetwork): Promise<LoadSummary> {
  await ensureReferenceData(ds);
  return ds.transaction(async (em) => {
    const fields = keyMap(await em.find(FieldOfAction), (f) => f.key);
    const groups = keyMap(await em.find(TargetGroup), (t) => t.key);
    const places = keyMap(await em.find(Municipality), (m) => m.name);
    const actors = new Map<string, number>();
    const ref = <T>(map: Map<string, T>, key: string, what: string): T => {
      const v = map.get(key);
      if (v === undefined) throw new Error(`demo data refers to unknown ${what} "${key}"`);
      return v;
    };

    for (const a of data.actors) {
      const row = await em.save(
        em.create(Actor, {
          name: a.name,
          shortName: a.shortName ?? null,
          kind: a.kind,
          level: a.level,
          description: a.description,
          website: a.website ?? null,
          email: a.email ?? null,
          phone: a.phone ?? null,
          address: a.address ?? null,
          municipalityId: a.municipality ? ref(places, a.municipality, "municipality").rowId : null,
          languages: a.languages,
          tags: a.tags,
        }),
      );
      actors.set(a.key, row.rowId);
      if (a.contacts.length) {
        await em.insert(
          ContactPerson,
          a.contacts.map((c, position) => ({ actorId: row.rowId, name: c.name, role: c.role, email: c.email ?? null, phone: c.phone ?? null, position })),
        );
      }
    }

    for (const m of data.measures) {
      const row = await em.save(
        em.create(Measure, {
          title: m.title,
          description: m.description,
          providerId: ref(actors, m.provider, "actor"),
          ageMin: m.ageMin,
          ageMax: m.ageMax,
          languages: m.languages,
          countyWide: m.countyWide,
          venue: m.venue ?? null,
          startDate: m.startDate,
          endDate: m.endDate,
          schedule: m.schedule ?? null,
          capacity: m.capacity,
          cost: m.cost,
          costNote: m.costNote ?? null,
          funding: m.funding,
          level: m.level,
          status: m.status,
          published: m.published,
          registrationUrl: m.registrationUrl ?? null,
          lastConfirmedOn: m.lastConfirmedOn,
        }),
      );
      await link(em, "measure_field", "measureId", row.rowId, "fieldOfActionId", m.fields.map((k) => ref(fields, k, "field of action").rowId));
      await link(em, "measure_target_group", "measureId", row.rowId, "targetGroupId", m.targetGroups.map((k) => ref(groups, k, "target group").rowId));
      await link(em, "measure_municipality", "measureId", row.rowId, "municipalityId", m.countyWide ? [] : m.municipalities.map((k) => ref(places, k, "municipality").rowId));
      await link(em, "measure_partner", "measureId", row.rowId, "actorId", m.partners.map((k) => ref(actors, k, "actor")));
    }

    for (const h of data.handlers) {
      const row = await em.save(
        em.create(Handler, {
          actorId: ref(actors, h.actor, "actor"),
          fieldOfActionId: ref(fields, h.field, "field of action").rowId,
          ageMin: h.ageMin,
          ageMax: h.ageMax,
          countyWide: h.countyWide,
          languages: h.languages,
          priority: h.priority,
          note: h.note ?? null,
        }),
      );
      await link(em, "handler_target_group", "handlerId", row.rowId, "targetGroupId", h.targetGroups.map((k) => ref(groups, k, "target group").rowId));
      await link(em, "handler_municipality", "handlerId", row.rowId, "municipalityId", h.countyWide ? [] : h.municipalities.map((k) => ref(places, k, "municipality").rowId));
    }

    let memberships = 0;
    let meetings = 0;
    for (const n of data.networks) {
      const network = await em.save(em.create(Network, { name: n.name, shortName: n.shortName ?? null, kind: n.kind, description: n.description }));
      if (n.memberships.length) {
        await em.insert(
          Membership,
          n.memberships.map((ms) => ({ networkId: network.rowId, actorId: ref(actors, ms.actor, "actor"), role: ms.role, since: ms.since, until: ms.until ?? null })),
        );
        memberships += n.memberships.length;
      }
      for (const mt of n.meetings) {
        const meeting = await em.save(
          em.create(Meeting, { networkId: network.rowId, date: mt.date, title: mt.title, location: mt.location ?? null, minutes: mt.minutes, decisions: mt.decisions }),
        );
        await link(em, "meeting_participant", "meetingId", meeting.rowId, "actorId", mt.participants.map((k) => ref(actors, k, "actor")));
        meetings++;
      }
    }

    if (data.cooperations.length) {
      for (let i = 0; i < data.cooperations.length; i += 200) {
        await em.insert(
          Cooperation,
          data.cooperations.slice(i, i + 200).map((c) => ({
            actorAId: ref(actors, c.a, "actor"),
            actorBId: ref(actors, c.b, "actor"),
            kind: c.kind,
            startDate: c.since,
            endDate: c.until ?? null,
            note: c.note ?? null,
          })),
        );
      }
    }

    return {
      actorIds: actors,
      actors: data.actors.length,
      measures: data.measures.length,
      handlers: data.handlers.length,
      networks: data.networks.length,
      memberships,
      meetings,
      cooperations: data.cooperations.length,
    };
  });
}

function keyMap<T>(rows: T[], key: (r: T) => string): Map<string, T> {
  return new Map(rows.map((r) => [key(r), r]));
}

async function link(em: EntityManager, table: string, ownerColumn: string, ownerId: number, refColumn: string, refs: number[]): Promise<void> {
  const unique = [...new Set(refs)];
  if (unique.length === 0) return;
  await em.createQueryBuilder().insert().into(table).values(unique.map((r) => ({ [ownerColumn]: ownerId, [refColumn]: r }))).execute();
}

/** The demo accounts of the README (password "demo", no second factor). Only the demo seed creates them. */
export const DEMO_ACCOUNTS = [
  { email: "commissioner@demo.example", role: Role.COMMISSIONER },
  { email: "partner@demo.example", role: Role.PARTNER },
  { email: "analyst@demo.example", role: Role.ANALYST },
] as const;

export async function createDemoAccounts(ds: DataSource, partnerActorId: number): Promise<void> {
  for (const a of DEMO_ACCOUNTS) {
    await createAccount(ds, { email: a.email, password: "demo", role: a.role, actorId: a.role === Role.PARTNER ? partnerActorId : null, demo: true });
  }
}

/** Loads the demo network and its three demo accounts. */
export async function loadDemo(ds: DataSource): Promise<LoadSummary> {
  const summary = await loadNetwork(ds, buildDemoNetwork());
  const partnerActorId = summary.actorIds.get(DEMO_PARTNER_ACTOR_KEY);
  if (partnerActorId === undefined) throw new Error(`demo data has no actor "${DEMO_PARTNER_ACTOR_KEY}" for the partner account`);
  await createDemoAccounts(ds, partnerActorId);
  // The demo opens with its deliberate duplicates already flagged for review.
  await recomputeOverlaps({ ds, viewer: null, loaders: createLoaders(ds) });
  return summary;
}
