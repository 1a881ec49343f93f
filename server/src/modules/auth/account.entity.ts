import { Field, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from "typeorm";
import { AggregateRoot } from "../../common/base.entity";
import { Node } from "../../common/node";
import { Actor } from "../actors/actor.entity";
import { Role, TokenKind } from "./auth.enums";

/** A login. Secrets (password hash, TOTP secret) are columns without GraphQL fields. */
@ObjectType({ simpleResolvers: true, implements: Node, description: "A user account." })
@Entity("account")
export class Account extends AggregateRoot {
  @Field()
  @Index({ unique: true })
  @Column({ type: "varchar", length: 254 })
  email!: string;

  @Column({ type: "varchar", length: 200 })
  passwordHash!: string;

  @Field(() => Role)
  @Column({ type: "varchar", length: 20 })
  role!: Role;

  /** The actor a PARTNER account acts for; null for other roles. */
  @Index()
  @Column({ type: "int", nullable: true })
  actorId!: number | null;

  @ManyToOne(() => Actor, { onDelete: "RESTRICT", nullable: true })
  @JoinColumn({ name: "actorId" })
  actor?: Relation<Actor>;

  @Column({ type: "varchar", length: 64, nullable: true })
  totpSecret!: string | null;

  @Field({ description: "Whether logins need a TOTP code as second factor." })
  @Column({ type: "boolean", default: false })
  totpEnabled!: boolean;

  /** Demo-seed accounts log in with password alone (README); never set for real accounts. */
  @Column({ type: "boolean", default: false })
  demo!: boolean;

  @Field({ description: "Disabled accounts cannot log in." })
  @Column({ type: "boolean", default: false })
  disabled!: boolean;

  @Field(() => Date, { nullable: true })
  @Column({ type: "datetime", nullable: true })
  lastLoginAt!: Date | null;
}

/** A server-side session; the cookie carries a random token, the table only its SHA-256. */
@Entity("session")
export class Session {
  @PrimaryColumn({ type: "varchar", length: 64 })
  tokenHash!: string;

  @Index()
  @Column({ type: "int" })
  accountId!: number;

  @ManyToOne(() => Account, { onDelete: "CASCADE" })
  @JoinColumn({ name: "accountId" })
  account?: Relation<Account>;

  @CreateDateColumn({ type: "datetime" })
  createdAt!: Date;

  @Column({ type: "datetime" })
  lastSeenAt!: Date;

  @Index()
  @Column({ type: "datetime" })
  expiresAt!: Date;

  @Column({ type: "varchar", length: 64, nullable: true })
  ip!: string | null;
}

/** Single-use invitation or password-reset token; only its SHA-256 is stored. */
@Entity("auth_token")
export class AuthToken {
  @PrimaryColumn({ type: "varchar", length: 64 })
  tokenHash!: string;

  @Column({ type: "varchar", length: 20 })
  kind!: TokenKind;

  @Column({ type: "varchar", length: 254 })
  email!: string;

  @Column({ type: "varchar", length: 20 })
  role!: Role;

  @Column({ type: "int", nullable: true })
  actorId!: number | null;

  /** For a password reset: the account whose password is reset. */
  @Column({ type: "int", nullable: true })
  accountId!: number | null;

  @Column({ type: "int", nullable: true })
  createdBy!: number | null;

  @CreateDateColumn({ type: "datetime" })
  createdAt!: Date;

  @Index()
  @Column({ type: "datetime" })
  expiresAt!: Date;

  @Column({ type: "datetime", nullable: true })
  usedAt!: Date | null;
}

/** Failed-login bookkeeping per account e-mail and per client IP, shared by all instances through the database. */
@Entity("login_throttle")
export class LoginThrottle {
  @PrimaryColumn({ type: "varchar", length: 300 })
  key!: string;

  @Column({ type: "int", default: 0 })
  failures!: number;

  @Column({ type: "datetime", nullable: true })
  nextAttemptAt!: Date | null;

  @Column({ type: "datetime" })
  updatedAt!: Date;
}
