import { Field, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, Relation } from "typeorm";
import { NodeEntity } from "../../common/base.entity";
import { MunicipalityKind } from "../../common/enums";
import { Node } from "../../common/node";

/** Handlungsfeld of the county's integration concept; may be nested (parent). */
@ObjectType({ simpleResolvers: true, implements: Node, description: "Handlungsfeld: a field of action of the integration concept." })
@Entity("field_of_action")
export class FieldOfAction extends NodeEntity {
  @Field({ description: "Stable key for import and export, e.g. LANGUAGE." })
  @Index({ unique: true })
  @Column({ type: "varchar", length: 64 })
  key!: string;

  @Field()
  @Column({ type: "varchar", length: 200 })
  nameDe!: string;

  @Field()
  @Column({ type: "varchar", length: 200 })
  nameEn!: string;

  @Index()
  @Column({ type: "int", nullable: true })
  parentId!: number | null;

  @ManyToOne(() => FieldOfAction, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "parentId" })
  parent?: Relation<FieldOfAction>;

  @Field(() => Int)
  @Column({ type: "int", default: 0 })
  sortOrder!: number;
}

/** Zielgruppe. Status groups (asylum seekers, …) are children of ALL_MIGRANTS; demographic groups stand alone. */
@ObjectType({ simpleResolvers: true, implements: Node, description: "Zielgruppe: a target group." })
@Entity("target_group")
export class TargetGroup extends NodeEntity {
  @Field()
  @Index({ unique: true })
  @Column({ type: "varchar", length: 64 })
  key!: string;

  @Field()
  @Column({ type: "varchar", length: 200 })
  nameDe!: string;

  @Field()
  @Column({ type: "varchar", length: 200 })
  nameEn!: string;

  @Index()
  @Column({ type: "int", nullable: true })
  parentId!: number | null;

  @ManyToOne(() => TargetGroup, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "parentId" })
  parent?: Relation<TargetGroup>;

  @Field(() => Int)
  @Column({ type: "int", default: 0 })
  sortOrder!: number;
}

/** A town or municipality of the county: the service-area unit. */
@ObjectType({ simpleResolvers: true, implements: Node, description: "Gemeinde or Stadt of the county." })
@Entity("municipality")
export class Municipality extends NodeEntity {
  @Field()
  @Index({ unique: true })
  @Column({ type: "varchar", length: 120 })
  name!: string;

  @Field(() => MunicipalityKind)
  @Column({ type: "varchar", length: 20 })
  kind!: MunicipalityKind;

  @Field(() => Int, { nullable: true, description: "Population, where a figure is known (weights gap analysis)." })
  @Column({ type: "int", nullable: true })
  population!: number | null;
}
