import { Field, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, Relation } from "typeorm";
import { AggregateRoot } from "../../common/base.entity";
import { CooperationKind } from "../../common/enums";
import { Node } from "../../common/node";
import { LocalDate } from "../../common/scalars";
import { Actor } from "../actors/actor.entity";

/** Kooperation: a typed link between two actors (referral, joint measure, funding, agreement, information exchange). */
@ObjectType({ simpleResolvers: true, implements: Node, description: "Kooperation: a typed link between two actors." })
@Entity("cooperation")
@Index(["startDate", "endDate"])
export class Cooperation extends AggregateRoot {
  @Index()
  @Column({ type: "int" })
  actorAId!: number;

  @ManyToOne(() => Actor, { onDelete: "CASCADE" })
  @JoinColumn({ name: "actorAId" })
  actorA?: Relation<Actor>;

  @Index()
  @Column({ type: "int" })
  actorBId!: number;

  @ManyToOne(() => Actor, { onDelete: "CASCADE" })
  @JoinColumn({ name: "actorBId" })
  actorB?: Relation<Actor>;

  @Field(() => CooperationKind)
  @Index()
  @Column({ type: "varchar", length: 30 })
  kind!: CooperationKind;

  // Renamed in the schema: graphql-js's default resolver would look for `since`, so these two keep a resolver.
  @Field(() => LocalDate, { nullable: true, name: "since", simple: false })
  @Column({ type: "date", nullable: true })
  startDate!: string | null;

  @Field(() => LocalDate, { nullable: true, name: "until", simple: false, description: "null = ongoing." })
  @Column({ type: "date", nullable: true })
  endDate!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  note!: string | null;
}
