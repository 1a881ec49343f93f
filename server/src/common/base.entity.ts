import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";
import { NodeType, toGlobalId } from "./global-id";

/**
 * A row with a numeric primary key (column `id`) exposed to GraphQL only as an opaque global ID.
 * The GraphQL type name is the class name, so `id` encodes it.
 */
@ObjectType({ simpleResolvers: true })
export abstract class NodeEntity {
  @PrimaryGeneratedColumn({ type: "int", name: "id" })
  rowId!: number;

  @Field(() => ID, { description: "Opaque global ID." })
  get id(): string {
    return toGlobalId(this.constructor.name as NodeType, this.rowId);
  }
}

/**
 * Columns every editable aggregate shares. `version` is checked and bumped by every update in the same
 * `UPDATE … WHERE id = ? AND version = ?` statement (TypeORM's @VersionColumn does not prevent lost updates).
 */
@ObjectType({ simpleResolvers: true })
export abstract class AggregateRoot extends NodeEntity {
  @Field(() => Int, { description: "Optimistic-concurrency version; pass it back with every update." })
  @Column({ type: "int", default: 1 })
  version!: number;

  @Field({ description: "Archived rows are hidden from lists unless asked for." })
  @Column({ type: "boolean", default: false })
  archived!: boolean;

  @Field(() => Date)
  @CreateDateColumn({ type: "datetime" })
  createdAt!: Date;

  @Field(() => Date)
  @UpdateDateColumn({ type: "datetime" })
  updatedAt!: Date;
}
