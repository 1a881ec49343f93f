import { DataSource } from "typeorm";
import { byIdLoader, groupLoader, joinIdsLoader } from "../../common/loader-factories";
import { Handler } from "./handler.entity";

export function createHandlerLoaders(ds: DataSource) {
  return {
    handler: byIdLoader(ds, Handler),
    handlersByActor: groupLoader(ds, Handler, "actorId", { where: { archived: false } }),
    handlerTargetGroupIds: joinIdsLoader(ds, "handler_target_group", "handlerId", "targetGroupId"),
    handlerMunicipalityIds: joinIdsLoader(ds, "handler_municipality", "handlerId", "municipalityId"),
  };
}
