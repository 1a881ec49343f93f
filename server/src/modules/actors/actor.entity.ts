import { Field, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, Relation } from "typeorm";
import { AggregateRoot, NodeEntity } from "../../common/base.entity";
import { ActorKind, Level } from "../../common/enums";
import { Node } from "../../common/node";
import { Municipality } from "../taxonomy/taxonomy.entity";

/** Akteur / Netzwerkpartner / Träger: an organisation in the integration network. */
@ObjectType({ simpleResolvers: true, implements: Node, description: "Akteur: an organisation in the integration network." })
@Entity("actor")
@Index(["archived", "name"])
export class Actor extends AggregateRoot {
  @Field()
  @Column({ type: "varchar", length: 200 })
  name!: string;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 60, nullable: true })
  shortName!: string | null;

  @Field(() => ActorKind)
  @Index()
  @Column({ type: "varchar", length: 40 })
  kind!: ActorKind;

  @Field(() => Level)
  @Index()
  @Column({ type: "varchar", length: 20 })
  level!: Level;

  @Field()
  @Column({ type: "text" })
  description!: string;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 300, nullable: true })
  website!: string | null;

  @Field(() => String, { nullable: true, description: "The organisation's general address (not a person's)." })
  @Column({ type: "varchar", length: 200, nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 60, nullable: true })
  phone!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 300, nullable: true })
  address!: string | null;

  @Index()
  @Column({ type: "int", nullable: true })
  municipalityId!: number | null;

  @ManyToOne(() => Municipality, { onDelete: "SET NULL", nullable: true })
  @JoinColumn({ name: "municipalityId" })
  municipality?: Relation<Municipality>;

  @Field(() => [String], { description: "ISO 639-1 codes of the languages the organisation works in." })
  @Column({ type: "simple-json" })
  languages!: string[];

  @Field(() => [String])
  @Column({ type: "simple-json" })
  tags!: string[];
}

/** A contact person of an actor. Personal data: e-mail and phone are erasable (GDPR). */
@ObjectType({ simpleResolvers: true, implements: Node, description: "Ansprechperson of an actor." })
@Entity("contact_person")
export class ContactPerson extends NodeEntity {
  @Index()
  @Column({ type: "int" })
  actorId!: number;

  @ManyToOne(() => Actor, { onDelete: "CASCADE" })
  @JoinColumn({ name: "actorId" })
  actor?: Relation<Actor>;

  @Field()
  @Column({ type: "varchar", length: 200 })
  name!: string;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 200, nullable: true })
  role!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 200, nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 60, nullable: true })
  phone!: string | null;

  @Column({ type: "int", default: 0 })
  position!: number;
}
