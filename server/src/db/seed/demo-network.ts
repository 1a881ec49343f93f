import { DemoMeasure, DemoNetwork } from "./demo-network.types";
import { ACTORS } from "./demo/actors";
import { demoCooperations } from "./demo/cooperations";
import { demoHandlers } from "./demo/handlers";
import { educationMeasures } from "./demo/measures-education";
import { languageMeasures } from "./demo/measures-language";
import { localMeasures, participationMeasures } from "./demo/measures-participation";
import { regionalMeasures } from "./demo/measures-regional";
import { socialMeasures } from "./demo/measures-social";
import { workMeasures } from "./demo/measures-work";
import { demoNetworks } from "./demo/networks";

/**
 * The demo network of the Landkreis Lörrach: fictional organisations and people, real municipality names. The data
 * is deterministic (seeded PRNG and string hashes, no clock). Reference day for statuses and stale confirmations is
 * 2026-11-23.
 *
 * Deliberate findings for the analysis features are marked `// DELIBERATE:` in the files under ./demo/:
 * overlaps (Doppelgleisigkeiten), same-actor data-entry duplicates, near misses, gaps, a responsibility conflict
 * and isolated actors.
 */

/** A welfare-association actor with several measures, used for the demo partner account. */
export const DEMO_PARTNER_ACTOR_KEY = "caritas";

/** Drops keys whose value is undefined, so the data stays plain JSON-like. */
function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export function buildDemoNetwork(): DemoNetwork {
  const actors = ACTORS.map((a) => ({ ...a, languages: [...a.languages], tags: [...a.tags], contacts: a.contacts.map((c) => ({ ...c })) }));
  const levelOf = new Map(actors.map((a) => [a.key, a.level]));

  const drafts = [
    ...languageMeasures(),
    ...educationMeasures(),
    ...workMeasures(),
    ...socialMeasures(),
    ...participationMeasures(),
    ...localMeasures(),
    ...regionalMeasures(),
  ];
  const measures: DemoMeasure[] = drafts.map((d) => {
    const level = d.level ?? levelOf.get(d.provider);
    if (!level) throw new Error(`demo-network: unknown provider "${d.provider}" in measure "${d.title}"`);
    return stripUndefined({ ...d, level });
  });

  return {
    actors,
    measures,
    handlers: demoHandlers(),
    networks: demoNetworks(),
    cooperations: demoCooperations(),
  };
}
