import { Field, Float, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from "typeorm";
import { AggregateRoot } from "../../common/base.entity";
import { Level, MeasureStatus } from "../../common/enums";
import { Node } from "../../common/node";
import { LocalDate } from "../../common/scalars";
import { Actor } from "../actors/actor.entity";
import { FieldOfAction, Municipality, TargetGroup } from "../taxonomy/taxonomy.entity";

@ObjectType({ simpleResolvers: true, description: "Who pays for a measure, and on which level." })
export class FundingSource {
  @Field()
  source!: string;

  @Field(() => Level)
  level!: Level;
}

/** Maßnahme / Angebot: an offering run by one provider actor, optionally with partners. */
@ObjectType({ simpleResolvers: true, implements: Node, description: "Maßnahme: an offering run by one actor." })
@Entity("measure")
@Index(["archived", "title"])
@Index(["startDate", "endDate"])
@Index(["ageMin", "ageMax"])
@Index(["providerId", "archived", "title"])
export class Measure extends AggregateRoot {
  @Field()
  @Column({ type: "varchar", length: 300 })
  title!: string;

  @Field()
  @Column({ type: "text" })
  description!: string;

  @Index()
  @Column({ type: "int" })
  providerId!: number;

  @ManyToOne(() => Actor, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "providerId" })
  provider?: Relation<Actor>;

  @Field(() => Int, { nullable: true })
  @Column({ type: "int", nullable: true })
  ageMin!: number | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: "int", nullable: true })
  ageMax!: number | null;

  @Field(() => [String])
  @Column({ type: "simple-json" })
  languages!: string[];

  @Field({ description: "Serves the whole county (then `municipalities` is empty)." })
  @Index()
  @Column({ type: "boolean", default: false })
  countyWide!: boolean;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 300, nullable: true })
  venue!: string | null;

  @Field(() => LocalDate, { nullable: true, description: "ISO date; null = since ever." })
  @Column({ type: "date", nullable: true })
  startDate!: string | null;

  @Field(() => LocalDate, { nullable: true, description: "ISO date; null = open-ended." })
  @Column({ type: "date", nullable: true })
  endDate!: string | null;

  @Field(() => String, { nullable: true, description: "When it takes place, e.g. 'dienstags 9–11 Uhr'." })
  @Column({ type: "varchar", length: 300, nullable: true })
  schedule!: string | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: "int", nullable: true })
  capacity!: number | null;

  @Field(() => Float, { nullable: true, description: "Cost for participants in euro; 0 = free of charge." })
  @Column({ type: "decimal", precision: 10, scale: 2, nullable: true, transformer: { to: (v) => v, from: (v) => (v == null ? null : Number(v)) } })
  cost!: number | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 300, nullable: true })
  costNote!: string | null;

  @Field(() => [FundingSource])
  @Column({ type: "simple-json" })
  funding!: FundingSource[];

  @Field(() => Level, { description: "The level the measure sits at (Bund, Land, Landkreis, Kommune, freie Träger)." })
  @Index()
  @Column({ type: "varchar", length: 20 })
  level!: Level;

  @Field(() => MeasureStatus)
  @Index()
  @Column({ type: "varchar", length: 20 })
  status!: MeasureStatus;

  @Field()
  @Index()
  @Column({ type: "boolean", default: true })
  published!: boolean;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 500, nullable: true })
  registrationUrl!: string | null;

  @Field(() => LocalDate, { nullable: true, description: "ISO date the provider last confirmed the offering is still valid." })
  @Index()
  @Column({ type: "date", nullable: true })
  lastConfirmedOn!: string | null;
}

/** measure ↔ field of action */
@Entity("measure_field")
export class MeasureField {
  @PrimaryColumn({ type: "int" })
  measureId!: number;

  @ManyToOne(() => Measure, { onDelete: "CASCADE" })
  @JoinColumn({ name: "measureId" })
  measure?: Relation<Measure>;

  @Index()
  @PrimaryColumn({ type: "int" })
  fieldOfActionId!: number;

  @ManyToOne(() => FieldOfAction, { onDelete: "CASCADE" })
  @JoinColumn({ name: "fieldOfActionId" })
  fieldOfAction?: Relation<FieldOfAction>;
}

/** measure ↔ target group */
@Entity("measure_target_group")
export class MeasureTargetGroup {
  @PrimaryColumn({ type: "int" })
  measureId!: number;

  @ManyToOne(() => Measure, { onDelete: "CASCADE" })
  @JoinColumn({ name: "measureId" })
  measure?: Relation<Measure>;

  @Index()
  @PrimaryColumn({ type: "int" })
  targetGroupId!: number;

  @ManyToOne(() => TargetGroup, { onDelete: "CASCADE" })
  @JoinColumn({ name: "targetGroupId" })
  targetGroup?: Relation<TargetGroup>;
}

/** measure ↔ municipality served (empty when county-wide) */
@Entity("measure_municipality")
export class MeasureMunicipality {
  @PrimaryColumn({ type: "int" })
  measureId!: number;

  @ManyToOne(() => Measure, { onDelete: "CASCADE" })
  @JoinColumn({ name: "measureId" })
  measure?: Relation<Measure>;

  @Index()
  @PrimaryColumn({ type: "int" })
  municipalityId!: number;

  @ManyToOne(() => Municipality, { onDelete: "CASCADE" })
  @JoinColumn({ name: "municipalityId" })
  municipality?: Relation<Municipality>;
}

/** measure ↔ partner actor (co-provider) */
@Entity("measure_partner")
export class MeasurePartner {
  @PrimaryColumn({ type: "int" })
  measureId!: number;

  @ManyToOne(() => Measure, { onDelete: "CASCADE" })
  @JoinColumn({ name: "measureId" })
  measure?: Relation<Measure>;

  @Index()
  @PrimaryColumn({ type: "int" })
  actorId!: number;

  @ManyToOne(() => Actor, { onDelete: "CASCADE" })
  @JoinColumn({ name: "actorId" })
  actor?: Relation<Actor>;
}
