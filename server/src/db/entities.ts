import { Actor, ContactPerson } from "../modules/actors/actor.entity";
import { IdempotencyRecord } from "../app/idempotency";
import { ReferralMissRow } from "../modules/analysis/referral-miss.entity";
import { Overlap } from "../modules/overlaps/overlap.entity";
import { AuditEntry } from "../modules/audit/audit.entity";
import { Account, AuthToken, LoginThrottle, Session } from "../modules/auth/account.entity";
import { Cooperation } from "../modules/cooperations/cooperation.entity";
import { Handler, HandlerMunicipality, HandlerTargetGroup } from "../modules/handlers/handler.entity";
import { Measure, MeasureField, MeasureMunicipality, MeasurePartner, MeasureTargetGroup } from "../modules/measures/measure.entity";
import { Meeting, MeetingParticipant, Membership, Network } from "../modules/networks/network.entity";
import { FieldOfAction, Municipality, TargetGroup } from "../modules/taxonomy/taxonomy.entity";

/** Every persisted entity, listed explicitly (no globs). */
export const ENTITIES = [
  FieldOfAction,
  TargetGroup,
  Municipality,
  Actor,
  ContactPerson,
  Measure,
  MeasureField,
  MeasureTargetGroup,
  MeasureMunicipality,
  MeasurePartner,
  Handler,
  HandlerTargetGroup,
  HandlerMunicipality,
  Network,
  Membership,
  Meeting,
  MeetingParticipant,
  Cooperation,
  Account,
  Session,
  AuthToken,
  LoginThrottle,
  AuditEntry,
  IdempotencyRecord,
  ReferralMissRow,
  Overlap,
];
