import { Field, Float, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, Relation } from "typeorm";
import { AggregateRoot } from "../../common/base.entity";
import { Node } from "../../common/node";
import { Measure } from "../measures/measure.entity";

export enum OverlapStatus {
  OPEN = "OPEN",
  CONFIRMED = "CONFIRMED",
  COMPLEMENTARY = "COMPLEMENTARY",
  DISMISSED = "DISMISSED",
  RESOLVED = "RESOLVED",
}
registerEnumType(OverlapStatus, {
  name: "OverlapStatus",
  description: "OPEN → CONFIRMED (a real duplicate) | COMPLEMENTARY (intended) | DISMISSED (not an overlap); CONFIRMED → RESOLVED.",
});

export enum OverlapKind {
  CROSS_ACTOR = "CROSS_ACTOR",
  SAME_ACTOR_DUPLICATE = "SAME_ACTOR_DUPLICATE",
}
registerEnumType(OverlapKind, {
  name: "OverlapKind",
  description: "CROSS_ACTOR: two actors serve the same need (Doppelgleisigkeit); SAME_ACTOR_DUPLICATE: one actor entered an offering twice.",
});

@ObjectType({ description: "How much two offerings agree per dimension (0..1; 0 = no intersection)." })
export class OverlapDimensions {
  @Field(() => Float)
  field!: number;

  @Field(() => Float)
  targetGroup!: number;

  @Field(() => Float)
  age!: number;

  @Field(() => Float)
  area!: number;

  @Field(() => Float)
  time!: number;

  @Field(() => Float)
  text!: number;
}

/** The stored shape of what two offerings share (keys and ids; resolved to objects by the resolver). */
export interface StoredShared {
  fields: string[];
  targetGroups: string[];
  ages: { min: number | null; max: number | null } | null;
  municipalityIds: number[] | "COUNTY";
  period: { from: string | null; to: string | null } | null;
  text: number;
}

/**
 * A detected overlap between two measures (A has the lower id), with its explanation and its review. A review
 * sticks until one of the two measures changes materially (fingerprints), then the pair re-opens with the reason.
 */
@ObjectType({ implements: Node, description: "Doppelgleisigkeit: two offerings that serve the same need for the same people, place and time." })
@Entity("overlap")
@Index(["measureAId", "measureBId"], { unique: true })
@Index(["status", "score"])
export class Overlap extends AggregateRoot {
  @Index()
  @Column({ type: "int" })
  measureAId!: number;

  @ManyToOne(() => Measure, { onDelete: "CASCADE" })
  @JoinColumn({ name: "measureAId" })
  measureA?: Relation<Measure>;

  @Index()
  @Column({ type: "int" })
  measureBId!: number;

  @ManyToOne(() => Measure, { onDelete: "CASCADE" })
  @JoinColumn({ name: "measureBId" })
  measureB?: Relation<Measure>;

  @Field(() => OverlapKind)
  @Column({ type: "varchar", length: 30 })
  kind!: OverlapKind;

  @Field(() => Float, { description: "0..1: 0.6 × text similarity + 0.4 × mean of the structural scores." })
  @Column({ type: "double" })
  score!: number;

  @Field(() => OverlapDimensions)
  @Column({ type: "simple-json" })
  dimensions!: OverlapDimensions;

  @Column({ type: "simple-json" })
  shared!: StoredShared;

  @Field({ description: "German one-liner: what both share and how similar the texts are." })
  @Column({ type: "text" })
  explanation!: string;

  @Field(() => OverlapStatus)
  @Column({ type: "varchar", length: 20, default: OverlapStatus.OPEN })
  status!: OverlapStatus;

  @Column({ type: "text", nullable: true })
  reviewNote!: string | null;

  @Column({ type: "int", nullable: true })
  reviewedById!: number | null;

  @Column({ type: "varchar", length: 254, nullable: true })
  reviewedByEmail!: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: "datetime", nullable: true })
  reviewedAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description: "Why the system last changed the status: re-opened after a material change ('Zeitraum geändert'), or resolved because the offerings no longer overlap.",
  })
  @Column({ type: "varchar", length: 300, nullable: true })
  statusReason!: string | null;

  @Field({ description: "Whether the engine still finds this overlap with the current data." })
  @Index()
  @Column({ type: "boolean", default: true })
  detected!: boolean;

  /** Fingerprints of the two measures' material content when the pair was last detected or reviewed. */
  @Column({ type: "varchar", length: 200 })
  fingerprintA!: string;

  @Column({ type: "varchar", length: 200 })
  fingerprintB!: string;

  /** Set when the pair belongs to a group of ≥ 3 mutually overlapping offerings. */
  @Index()
  @Column({ type: "varchar", length: 200, nullable: true })
  clusterKey!: string | null;
}
