import { Field, ID, InterfaceType } from "type-graphql";

/** The Relay Node interface: every object with an identity has an opaque global `id`. */
@InterfaceType({
  description: "An object with an opaque global ID (Relay).",
  resolveType: (value: { constructor?: { name?: string } }) => value?.constructor?.name,
})
export abstract class Node {
  @Field(() => ID, { description: "Opaque global ID." })
  id!: string;
}
