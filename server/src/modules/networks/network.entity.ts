import { Field, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from "typeorm";
import { AggregateRoot } from "../../common/base.entity";
import { MembershipRole, NetworkKind } from "../../common/enums";
import { Node } from "../../common/node";
import { LocalDate } from "../../common/scalars";
import { Actor } from "../actors/actor.entity";

/** Gremium / Arbeitskreis / Netzwerk: a body with member actors and meetings. */
@ObjectType({ simpleResolvers: true, implements: Node, description: "Gremium: a body with member actors and meetings." })
@Entity("network")
@Index(["archived", "name"])
export class Network extends AggregateRoot {
  @Field()
  @Column({ type: "varchar", length: 200 })
  name!: string;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 60, nullable: true })
  shortName!: string | null;

  @Field(() => NetworkKind)
  @Index()
  @Column({ type: "varchar", length: 30 })
  kind!: NetworkKind;

  @Field()
  @Column({ type: "text" })
  description!: string;
}

/** Mitgliedschaft: an actor's seat in a network, with role and period. */
@ObjectType({ simpleResolvers: true, implements: Node, description: "Mitgliedschaft of an actor in a network." })
@Entity("membership")
@Index(["networkId", "actorId"])
export class Membership extends AggregateRoot {
  @Column({ type: "int" })
  networkId!: number;

  @ManyToOne(() => Network, { onDelete: "CASCADE" })
  @JoinColumn({ name: "networkId" })
  network?: Relation<Network>;

  @Index()
  @Column({ type: "int" })
  actorId!: number;

  @ManyToOne(() => Actor, { onDelete: "CASCADE" })
  @JoinColumn({ name: "actorId" })
  actor?: Relation<Actor>;

  @Field(() => MembershipRole)
  @Column({ type: "varchar", length: 20 })
  role!: MembershipRole;

  @Field(() => LocalDate, { nullable: true })
  @Column({ type: "date", nullable: true })
  since!: string | null;

  @Field(() => LocalDate, { nullable: true, description: "null = ongoing." })
  @Column({ type: "date", nullable: true })
  until!: string | null;
}

/** Sitzung of a network, with the actors that took part and its minutes and decisions. */
@ObjectType({ simpleResolvers: true, implements: Node, description: "Sitzung: a meeting of a network." })
@Entity("meeting")
@Index(["networkId", "date"])
export class Meeting extends AggregateRoot {
  @Column({ type: "int" })
  networkId!: number;

  @ManyToOne(() => Network, { onDelete: "CASCADE" })
  @JoinColumn({ name: "networkId" })
  network?: Relation<Network>;

  @Field(() => LocalDate)
  @Index()
  @Column({ type: "date" })
  date!: string;

  @Field()
  @Column({ type: "varchar", length: 300 })
  title!: string;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 300, nullable: true })
  location!: string | null;

  @Field({ description: "Protokoll." })
  @Column({ type: "text" })
  minutes!: string;

  @Field(() => [String], { description: "Beschlüsse." })
  @Column({ type: "simple-json" })
  decisions!: string[];
}

@Entity("meeting_participant")
export class MeetingParticipant {
  @PrimaryColumn({ type: "int" })
  meetingId!: number;

  @ManyToOne(() => Meeting, { onDelete: "CASCADE" })
  @JoinColumn({ name: "meetingId" })
  meeting?: Relation<Meeting>;

  @Index()
  @PrimaryColumn({ type: "int" })
  actorId!: number;

  @ManyToOne(() => Actor, { onDelete: "CASCADE" })
  @JoinColumn({ name: "actorId" })
  actor?: Relation<Actor>;
}
