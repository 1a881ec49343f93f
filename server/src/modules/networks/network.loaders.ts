import { DataSource } from "typeorm";
import { byIdLoader, groupLoader, joinIdsLoader } from "../../common/loader-factories";
import { Meeting, Membership, Network } from "./network.entity";

export function createNetworkLoaders(ds: DataSource) {
  return {
    network: byIdLoader(ds, Network),
    membershipsByNetwork: groupLoader(ds, Membership, "networkId", { where: { archived: false } }),
    membershipsByActor: groupLoader(ds, Membership, "actorId", { where: { archived: false } }),
    meetingsByNetwork: groupLoader(ds, Meeting, "networkId", { where: { archived: false }, order: { date: "DESC", rowId: "DESC" } }),
    meetingParticipantIds: joinIdsLoader(ds, "meeting_participant", "meetingId", "actorId"),
  };
}
