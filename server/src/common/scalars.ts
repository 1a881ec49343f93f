import { LocalDateResolver } from "graphql-scalars";

/** A calendar date without time, ISO 8601 "YYYY-MM-DD" (graphql-scalars' LocalDate). */
export const LocalDate = LocalDateResolver;
