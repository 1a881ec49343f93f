import { Initial1795421732111 } from "./1795421732111-Initial";
import { AccountsAudit1795423659276 } from "./1795423659276-AccountsAudit";
import { IdempotencyKeys1795423938408 } from "./1795423938408-IdempotencyKeys";
import { ReferralMisses1795424148309 } from "./1795424148309-ReferralMisses";
import { Overlaps1795424465216 } from "./1795424465216-Overlaps";
import { MeasureProviderIndex1795426822052 } from "./1795426822052-MeasureProviderIndex";
import { MediumTexts1795500000000 } from "./1795500000000-MediumTexts";

/** MySQL/MariaDB migrations in order. Generate new ones with `npm run db:migration:generate -w server -- Name`. */
export const MYSQL_MIGRATIONS: Function[] = [Initial1795421732111, AccountsAudit1795423659276, IdempotencyKeys1795423938408, ReferralMisses1795424148309, Overlaps1795424465216, MeasureProviderIndex1795426822052, MediumTexts1795500000000];
