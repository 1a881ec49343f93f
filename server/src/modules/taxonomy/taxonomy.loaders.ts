import { DataSource } from "typeorm";
import { wholeTable } from "../../common/loader-factories";
import { FieldOfAction, Municipality, TargetGroup } from "./taxonomy.entity";

export function createTaxonomyLoaders(ds: DataSource) {
  return {
    fields: wholeTable(ds, FieldOfAction),
    targetGroups: wholeTable(ds, TargetGroup),
    municipalities: wholeTable(ds, Municipality),
  };
}
