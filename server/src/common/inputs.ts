import { ArrayMaxSize, IsInt, IsOptional, Matches, Max, MaxLength, Min } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import { SortDirection } from "./enums";
import { LocalDate } from "./scalars";

/** Upper bound for free-text search: longer strings are refused, never sent to LIKE. */
export const MAX_SEARCH_LENGTH = 200;
/** Upper bound for lists of ids inside a filter or an input. */
export const MAX_ID_LIST = 100;

@InputType({ description: "Target of an archive mutation: the row, the version you saw, and whether to archive or restore." })
export class ArchiveInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  @IsInt()
  version!: number;

  @Field({ defaultValue: true, description: "false restores an archived row." })
  archived!: boolean;
}

@InputType({ description: "An inclusive date range; either end may be open." })
export class DateRangeInput {
  @Field(() => LocalDate, { nullable: true })
  from?: string | null;

  @Field(() => LocalDate, { nullable: true })
  to?: string | null;
}

@InputType({ description: "An inclusive age range; either end may be open." })
export class AgeRangeInput {
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(130)
  min?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(130)
  max?: number | null;
}

/** Free-text search, capped in length. */
export function searchText() {
  return MaxLength(MAX_SEARCH_LENGTH, { message: `must be at most ${MAX_SEARCH_LENGTH} characters` });
}

export function idList() {
  return ArrayMaxSize(MAX_ID_LIST, { message: `may name at most ${MAX_ID_LIST} ids` });
}

/** Language codes: ISO 639-1/-3 ("de", "tr", "ar", "prs"). */
export function languageCodes() {
  return Matches(/^[a-z]{2,3}$/, { each: true, message: "must be ISO 639 language codes such as de, tr, ar" });
}

export const SORT_DIRECTION_DEFAULT = SortDirection.ASC;
