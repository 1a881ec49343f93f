import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { Context } from "../../app/context";
import { Role } from "../auth/auth.enums";
import { today } from "../../common/filters";
import { ArchiveInput } from "../../common/inputs";
import { PageArgsType } from "../../common/page-args";
import { ConnectionResult, ConnectionType } from "../../common/pagination";
import { Actor } from "../actors/actor.entity";
import { Meeting, Membership, Network } from "./network.entity";
import {
  AddMembershipInput,
  CreateMeetingInput,
  CreateNetworkInput,
  MeetingParticipantInput,
  MeetingPayload,
  MembershipPayload,
  NetworkFilter,
  NetworkOrder,
  NetworkPayload,
  RemoveMembershipInput,
  RemoveMembershipPayload,
  UpdateMeetingInput,
  UpdateMembershipInput,
  UpdateNetworkInput,
} from "./network.inputs";
import {
  addMembership,
  archiveMeeting,
  archiveNetwork,
  changeMeetingParticipant,
  createMeeting,
  createNetwork,
  getNetwork,
  listNetworks,
  removeMembership,
  updateMeeting,
  updateMembership,
  updateNetwork,
} from "./network.service";

export const NetworkConnection = ConnectionType(Network, "Network");

@ArgsType()
class NetworkListArgs extends PageArgsType {
  @Field(() => NetworkFilter, { nullable: true })
  filter?: NetworkFilter | null;

  @Field(() => NetworkOrder, { nullable: true })
  orderBy?: NetworkOrder | null;
}

@Authorized()
@Resolver(() => Network)
export class NetworkResolver {
  @Query(() => NetworkConnection, { description: "Networks (Gremien), filtered, sorted and paged." })
  networks(@Args() args: NetworkListArgs, @Ctx() ctx: Context): Promise<ConnectionResult<Network>> {
    return listNetworks(ctx, args.filter ?? undefined, args.orderBy ?? undefined, args);
  }

  @Query(() => Network)
  network(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<Network> {
    return getNetwork(ctx, id);
  }

  @Authorized(Role.COMMISSIONER)
  @Mutation(() => NetworkPayload)
  async createNetwork(@Arg("input", () => CreateNetworkInput) input: CreateNetworkInput, @Ctx() ctx: Context): Promise<NetworkPayload> {
    return { network: await createNetwork(ctx, input) };
  }

  @Authorized(Role.COMMISSIONER)
  @Mutation(() => NetworkPayload)
  async updateNetwork(@Arg("input", () => UpdateNetworkInput) input: UpdateNetworkInput, @Ctx() ctx: Context): Promise<NetworkPayload> {
    return { network: await updateNetwork(ctx, input) };
  }

  @Authorized(Role.COMMISSIONER)
  @Mutation(() => NetworkPayload, { description: "Archives (or, with archived: false, restores) a network." })
  async archiveNetwork(@Arg("input", () => ArchiveInput) input: ArchiveInput, @Ctx() ctx: Context): Promise<NetworkPayload> {
    return { network: await archiveNetwork(ctx, input) };
  }

  @Authorized(Role.COMMISSIONER)
  @Mutation(() => MembershipPayload, { description: "Gives an actor a seat in a network." })
  async addMembership(@Arg("input", () => AddMembershipInput) input: AddMembershipInput, @Ctx() ctx: Context): Promise<MembershipPayload> {
    return { membership: await addMembership(ctx, input) };
  }

  @Authorized(Role.COMMISSIONER)
  @Mutation(() => MembershipPayload, { description: "Changes role or period of a seat (set `until` when an actor leaves)." })
  async updateMembership(@Arg("input", () => UpdateMembershipInput) input: UpdateMembershipInput, @Ctx() ctx: Context): Promise<MembershipPayload> {
    return { membership: await updateMembership(ctx, input) };
  }

  @Authorized(Role.COMMISSIONER)
  @Mutation(() => RemoveMembershipPayload, { description: "Deletes a seat entered by mistake." })
  async removeMembership(@Arg("input", () => RemoveMembershipInput) input: RemoveMembershipInput, @Ctx() ctx: Context): Promise<RemoveMembershipPayload> {
    return { removedId: input.id, network: await removeMembership(ctx, input) };
  }

  @Authorized(Role.COMMISSIONER)
  @Mutation(() => MeetingPayload)
  async createMeeting(@Arg("input", () => CreateMeetingInput) input: CreateMeetingInput, @Ctx() ctx: Context): Promise<MeetingPayload> {
    return { meeting: await createMeeting(ctx, input) };
  }

  @Authorized(Role.COMMISSIONER)
  @Mutation(() => MeetingPayload)
  async updateMeeting(@Arg("input", () => UpdateMeetingInput) input: UpdateMeetingInput, @Ctx() ctx: Context): Promise<MeetingPayload> {
    return { meeting: await updateMeeting(ctx, input) };
  }

  @Authorized(Role.COMMISSIONER)
  @Mutation(() => MeetingPayload, { description: "Archives (or, with archived: false, restores) a meeting." })
  async archiveMeeting(@Arg("input", () => ArchiveInput) input: ArchiveInput, @Ctx() ctx: Context): Promise<MeetingPayload> {
    return { meeting: await archiveMeeting(ctx, input) };
  }

  @Authorized(Role.COMMISSIONER)
  @Mutation(() => MeetingPayload)
  async addMeetingParticipant(@Arg("input", () => MeetingParticipantInput) input: MeetingParticipantInput, @Ctx() ctx: Context): Promise<MeetingPayload> {
    return { meeting: await changeMeetingParticipant(ctx, input, true) };
  }

  @Authorized(Role.COMMISSIONER)
  @Mutation(() => MeetingPayload)
  async removeMeetingParticipant(@Arg("input", () => MeetingParticipantInput) input: MeetingParticipantInput, @Ctx() ctx: Context): Promise<MeetingPayload> {
    return { meeting: await changeMeetingParticipant(ctx, input, false) };
  }

  @FieldResolver(() => [Membership], { description: "Seats, current and past (see `until`)." })
  members(@Root() n: Network, @Ctx() ctx: Context): Promise<Membership[]> {
    return ctx.loaders.membershipsByNetwork.load(n.rowId);
  }

  @FieldResolver(() => Int, { description: "Actors with a current seat." })
  async memberCount(@Root() n: Network, @Ctx() ctx: Context): Promise<number> {
    const now = today();
    return (await ctx.loaders.membershipsByNetwork.load(n.rowId)).filter((m) => m.until === null || m.until >= now).length;
  }

  @FieldResolver(() => [Meeting], { description: "Meetings, newest first." })
  meetings(@Root() n: Network, @Ctx() ctx: Context): Promise<Meeting[]> {
    return ctx.loaders.meetingsByNetwork.load(n.rowId);
  }
}

@Authorized()
@Resolver(() => Membership)
export class MembershipResolver {
  @FieldResolver(() => Actor)
  actor(@Root() m: Membership, @Ctx() ctx: Context): Promise<Actor | null> {
    return ctx.loaders.actor.load(m.actorId);
  }

  @FieldResolver(() => Network)
  network(@Root() m: Membership, @Ctx() ctx: Context): Promise<Network | null> {
    return ctx.loaders.network.load(m.networkId);
  }
}

@Authorized()
@Resolver(() => Meeting)
export class MeetingResolver {
  @FieldResolver(() => Network)
  network(@Root() m: Meeting, @Ctx() ctx: Context): Promise<Network | null> {
    return ctx.loaders.network.load(m.networkId);
  }

  @FieldResolver(() => [Actor], { description: "Actors that took part." })
  async participants(@Root() m: Meeting, @Ctx() ctx: Context): Promise<Actor[]> {
    const rows = await ctx.loaders.actor.loadMany(await ctx.loaders.meetingParticipantIds.load(m.rowId));
    return rows.filter((a): a is Actor => a instanceof Actor);
  }
}

