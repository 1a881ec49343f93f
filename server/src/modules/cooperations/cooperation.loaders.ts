import DataLoader from "dataloader";
import { DataSource } from "typeorm";
import { byIdLoader } from "../../common/loader-factories";
import { Cooperation } from "./cooperation.entity";

export function createCooperationLoaders(ds: DataSource) {
  return {
    cooperation: byIdLoader(ds, Cooperation),
    /** Cooperations where the actor is on either side. */
    cooperationsByActor: new DataLoader<number, Cooperation[]>(async (ids) => {
      const rows = await ds
        .getRepository(Cooperation)
        .createQueryBuilder("c")
        .where("c.archived = 0 AND (c.actorAId IN (:...ids) OR c.actorBId IN (:...ids))", { ids })
        .orderBy("c.id", "ASC")
        .getMany();
      const byActor = new Map<number, Cooperation[]>();
      for (const row of rows) {
        for (const side of new Set([row.actorAId, row.actorBId])) {
          let list = byActor.get(side);
          if (!list) byActor.set(side, (list = []));
          list.push(row);
        }
      }
      return ids.map((id) => byActor.get(id) ?? []);
    }),
  };
}
