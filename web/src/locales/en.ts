import { actorsEn } from "../modules/actors/actors.i18n";
import { authEn } from "../modules/auth/auth.i18n";
import { measuresEn } from "../modules/measures/measures.i18n";
import { overlapsEn } from "../modules/overlaps/overlaps.i18n";
import { partnerEn } from "../modules/partner/partner.i18n";
import { referralEn } from "../modules/referral/referral.i18n";
import { analystEn } from "../modules/analyst/analyst.i18n";
import { auditEn } from "../modules/audit/audit.i18n";
import { coverageEn } from "../modules/gaps/coverage.i18n";
import { networksEn } from "../modules/networks/networks.i18n";
import { mapEn } from "../modules/map/map.i18n";
import { homeEn } from "../modules/overview/home.i18n";
import { handlersEn } from "../modules/handlers/handlers.i18n";
import { cooperationsEn } from "../modules/cooperations/cooperations.i18n";
import { accountsEn } from "../modules/accounts/accounts.i18n";
import { commonEn, enumsEn, errorsEn, navEn } from "./common";
import type { de } from "./de";

/** English texts: the same keys as German (the types make sure none is missing). */
export const en: typeof de = {
  common: commonEn,
  errors: errorsEn,
  enums: enumsEn,
  nav: navEn,
  home: homeEn,
  auth: authEn,
  measures: measuresEn,
  actors: actorsEn,
  overlaps: overlapsEn,
  referral: referralEn,
  partner: partnerEn,
  coverage: coverageEn,
  networks: networksEn,
  audit: auditEn,
  analyst: analystEn,
  map: mapEn,
  handlers: handlersEn,
  cooperations: cooperationsEn,
  accounts: accountsEn,
};
