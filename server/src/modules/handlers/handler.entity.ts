import { Field, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from "typeorm";
import { AggregateRoot } from "../../common/base.entity";
import { Node } from "../../common/node";
import { Actor } from "../actors/actor.entity";
import { FieldOfAction, Municipality, TargetGroup } from "../taxonomy/taxonomy.entity";

/**
 * Zuständigkeit: which actor handles individual cases of one kind (a field of action) for which target groups,
 * age band and municipalities. The county's rule: Jugendmigrationsdienste up to 27, Migrationsberatung für
 * erwachsene Zuwanderer from 28. The referral guide is computed from these rows.
 */
@ObjectType({ simpleResolvers: true, implements: Node, description: "Zuständigkeit: who handles which kind of individual case." })
@Entity("handler")
@Index(["ageMin", "ageMax"])
export class Handler extends AggregateRoot {
  @Index()
  @Column({ type: "int" })
  actorId!: number;

  @ManyToOne(() => Actor, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "actorId" })
  actor?: Relation<Actor>;

  @Index()
  @Column({ type: "int" })
  fieldOfActionId!: number;

  @ManyToOne(() => FieldOfAction, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "fieldOfActionId" })
  fieldOfAction?: Relation<FieldOfAction>;

  @Field(() => Int, { nullable: true, description: "Youngest age handled; null = no lower bound." })
  @Column({ type: "int", nullable: true })
  ageMin!: number | null;

  @Field(() => Int, { nullable: true, description: "Oldest age handled; null = no upper bound." })
  @Column({ type: "int", nullable: true })
  ageMax!: number | null;

  @Field()
  @Index()
  @Column({ type: "boolean", default: false })
  countyWide!: boolean;

  @Field(() => [String])
  @Column({ type: "simple-json" })
  languages!: string[];

  @Field(() => Int, { description: "1 = first point of contact; higher numbers are fall-backs." })
  @Column({ type: "int", default: 1 })
  priority!: number;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  note!: string | null;
}

@Entity("handler_target_group")
export class HandlerTargetGroup {
  @PrimaryColumn({ type: "int" })
  handlerId!: number;

  @ManyToOne(() => Handler, { onDelete: "CASCADE" })
  @JoinColumn({ name: "handlerId" })
  handler?: Relation<Handler>;

  @Index()
  @PrimaryColumn({ type: "int" })
  targetGroupId!: number;

  @ManyToOne(() => TargetGroup, { onDelete: "CASCADE" })
  @JoinColumn({ name: "targetGroupId" })
  targetGroup?: Relation<TargetGroup>;
}

@Entity("handler_municipality")
export class HandlerMunicipality {
  @PrimaryColumn({ type: "int" })
  handlerId!: number;

  @ManyToOne(() => Handler, { onDelete: "CASCADE" })
  @JoinColumn({ name: "handlerId" })
  handler?: Relation<Handler>;

  @Index()
  @PrimaryColumn({ type: "int" })
  municipalityId!: number;

  @ManyToOne(() => Municipality, { onDelete: "CASCADE" })
  @JoinColumn({ name: "municipalityId" })
  municipality?: Relation<Municipality>;
}
