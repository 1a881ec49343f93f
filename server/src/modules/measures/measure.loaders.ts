import { DataSource } from "typeorm";
import { byIdLoader, groupLoaderBySelection, joinIdsLoader } from "../../common/loader-factories";
import { Measure } from "./measure.entity";

export function createMeasureLoaders(ds: DataSource) {
  return {
    measure: byIdLoader(ds, Measure),
    measuresByProvider: groupLoaderBySelection(ds, Measure, "providerId", { where: { archived: false }, order: { providerId: "ASC", title: "ASC", rowId: "ASC" } }),
    measureFieldIds: joinIdsLoader(ds, "measure_field", "measureId", "fieldOfActionId"),
    measureTargetGroupIds: joinIdsLoader(ds, "measure_target_group", "measureId", "targetGroupId"),
    measureMunicipalityIds: joinIdsLoader(ds, "measure_municipality", "measureId", "municipalityId"),
    measurePartnerIds: joinIdsLoader(ds, "measure_partner", "measureId", "actorId"),
    partnerMeasureIds: joinIdsLoader(ds, "measure_partner", "actorId", "measureId"),
  };
}
