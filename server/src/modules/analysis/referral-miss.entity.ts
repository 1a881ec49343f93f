import { Column, Entity, PrimaryColumn } from "typeorm";

/**
 * Gap evidence from the referral guide: how often "who handles this?" found nobody, per need × municipality.
 * Nothing about the person asking is stored.
 */
@Entity("referral_miss")
export class ReferralMissRow {
  @PrimaryColumn({ type: "int" })
  fieldOfActionId!: number;

  @PrimaryColumn({ type: "int" })
  municipalityId!: number;

  @Column({ type: "int", default: 0 })
  count!: number;

  @Column({ type: "datetime" })
  lastAt!: Date;
}
