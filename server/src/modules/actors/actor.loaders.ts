import { DataSource } from "typeorm";
import { byIdLoader, groupLoader } from "../../common/loader-factories";
import { Actor, ContactPerson } from "./actor.entity";

export function createActorLoaders(ds: DataSource) {
  return {
    actor: byIdLoader(ds, Actor),
    contactsByActor: groupLoader(ds, ContactPerson, "actorId", { order: { position: "ASC", rowId: "ASC" } }),
  };
}
