import { actorsDe } from "../modules/actors/actors.i18n";
import { authDe } from "../modules/auth/auth.i18n";
import { measuresDe } from "../modules/measures/measures.i18n";
import { overlapsDe } from "../modules/overlaps/overlaps.i18n";
import { partnerDe } from "../modules/partner/partner.i18n";
import { referralDe } from "../modules/referral/referral.i18n";
import { analystDe } from "../modules/analyst/analyst.i18n";
import { auditDe } from "../modules/audit/audit.i18n";
import { coverageDe } from "../modules/gaps/coverage.i18n";
import { networksDe } from "../modules/networks/networks.i18n";
import { mapDe } from "../modules/map/map.i18n";
import { homeDe } from "../modules/overview/home.i18n";
import { handlersDe } from "../modules/handlers/handlers.i18n";
import { cooperationsDe } from "../modules/cooperations/cooperations.i18n";
import { accountsDe } from "../modules/accounts/accounts.i18n";
import { commonDe, enumsDe, errorsDe, navDe } from "./common";

/** German texts, one namespace per module. */
export const de = {
  common: commonDe,
  errors: errorsDe,
  enums: enumsDe,
  nav: navDe,
  home: homeDe,
  auth: authDe,
  measures: measuresDe,
  actors: actorsDe,
  overlaps: overlapsDe,
  referral: referralDe,
  partner: partnerDe,
  coverage: coverageDe,
  networks: networksDe,
  audit: auditDe,
  analyst: analystDe,
  map: mapDe,
  handlers: handlersDe,
  cooperations: cooperationsDe,
  accounts: accountsDe,
};
