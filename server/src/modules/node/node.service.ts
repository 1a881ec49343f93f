import { Context } from "../../app/context";
import { fromGlobalId } from "../../common/global-id";
import { Node } from "../../common/node";
import { ContactPerson } from "../actors/actor.entity";
import { Account } from "../auth/account.entity";
import { can } from "../auth/auth.policy";
import { Overlap } from "../overlaps/overlap.entity";
import { Meeting, Membership } from "../networks/network.entity";

/** Resolves a global id through the per-request loaders, so `nodes` with many ids costs one query per type. */
export async function fetchNode(ctx: Context, globalId: string): Promise<Node | null> {
  const parsed = fromGlobalId(globalId);
  if (!parsed) return null;
  const { type, id } = parsed;
  const l = ctx.loaders;
  // Anonymous visitors reach the public catalogue only: published measures and the taxonomies.
  if (!ctx.viewer && !["Measure", "FieldOfAction", "TargetGroup", "Municipality"].includes(type)) return null;
  switch (type) {
    case "Actor":
      return l.actor.load(id) as Promise<Node | null>;
    case "Measure": {
      const m = await l.measure.load(id);
      return m && can.readMeasure(ctx.viewer, m) ? (m as unknown as Node) : null;
    }
    case "Handler":
      return l.handler.load(id) as Promise<Node | null>;
    case "Network":
      return l.network.load(id) as Promise<Node | null>;
    case "Cooperation":
      return l.cooperation.load(id) as Promise<Node | null>;
    case "FieldOfAction":
      return ((await l.fields()).get(id) ?? null) as Node | null;
    case "TargetGroup":
      return ((await l.targetGroups()).get(id) ?? null) as Node | null;
    case "Municipality":
      return ((await l.municipalities()).get(id) ?? null) as Node | null;
    case "ContactPerson":
      return (await ctx.ds.getRepository(ContactPerson).findOneBy({ rowId: id })) as Node | null;
    case "Overlap": {
      const o = await ctx.ds.getRepository(Overlap).findOneBy({ rowId: id });
      if (!o || !ctx.viewer) return null;
      if (ctx.viewer.role !== "PARTNER") return o as unknown as Node;
      const sides = await l.measure.loadMany([o.measureAId, o.measureBId]);
      return sides.some((m) => m && !(m instanceof Error) && m.providerId === ctx.viewer!.actorId) ? (o as unknown as Node) : null;
    }
    case "Account":
      return ctx.viewer?.accountId === id || can.manageAccounts(ctx.viewer) ? ((await ctx.ds.getRepository(Account).findOneBy({ rowId: id })) as Node | null) : null;
    case "Membership":
      return (await ctx.ds.getRepository(Membership).findOneBy({ rowId: id })) as Node | null;
    case "Meeting":
      return (await ctx.ds.getRepository(Meeting).findOneBy({ rowId: id })) as Node | null;
    default:
      return null;
  }
}
