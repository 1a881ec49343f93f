import { Field, ObjectType, registerEnumType } from "type-graphql";
import { GraphQLJSON } from "graphql-scalars";
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Role } from "../auth/auth.enums";

export enum AuditAction {
  CREATE = "CREATE",
  UPDATE = "UPDATE",
  ARCHIVE = "ARCHIVE",
  RESTORE = "RESTORE",
  DELETE = "DELETE",
  ERASE = "ERASE",
  LOGIN = "LOGIN",
  LOGOUT = "LOGOUT",
}
registerEnumType(AuditAction, { name: "AuditAction" });

@ObjectType({ simpleResolvers: true, description: "One changed field: the value before and after (personal data may be redacted)." })
export class FieldChange {
  @Field()
  field!: string;

  @Field(() => GraphQLJSON, { nullable: true })
  before!: unknown;

  @Field(() => GraphQLJSON, { nullable: true })
  after!: unknown;
}

/**
 * Who changed what, when: written in the same transaction as the change itself. There is no mutation that edits
 * or deletes audit entries; GDPR erasure only redacts personal values inside them.
 */
@ObjectType({ simpleResolvers: true, description: "An entry of the audit trail." })
@Entity("audit_entry")
@Index(["entityType", "entityId"])
export class AuditEntry {
  @PrimaryGeneratedColumn({ type: "int", name: "id" })
  rowId!: number;

  @Field(() => Date)
  @Index()
  @CreateDateColumn({ type: "datetime" })
  at!: Date;

  @Index()
  @Column({ type: "int", nullable: true })
  accountId!: number | null;

  @Field(() => String, { nullable: true, description: "E-mail of the account at the time (null for system changes)." })
  @Column({ type: "varchar", length: 254, nullable: true })
  accountEmail!: string | null;

  @Field(() => Role, { nullable: true })
  @Column({ type: "varchar", length: 20, nullable: true })
  role!: Role | null;

  @Field()
  @Column({ type: "varchar", length: 40 })
  entityType!: string;

  @Column({ type: "int" })
  entityId!: number;

  @Field(() => AuditAction)
  @Index()
  @Column({ type: "varchar", length: 20 })
  action!: AuditAction;

  @Field(() => [FieldChange])
  @Column({ type: "simple-json" })
  changes!: FieldChange[];
}
