import { Algorithm, hash, verify } from "@node-rs/argon2";

/** argon2id with the OWASP-recommended minimum (19 MiB, 2 iterations, 1 lane). */
const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const MIN_PASSWORD_LENGTH = 12;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

let dummy: Promise<string> | undefined;

/**
 * Verifies a password. With no hash (unknown e-mail) it still spends the same time on a dummy hash, so response
 * times do not reveal which e-mail addresses have accounts.
 */
export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) {
    await verify(await (dummy ??= hashPassword("knotenpunkt-dummy-password")), password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}

/** Rules for new passwords; returns the problem or null. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > 200) return "must be at most 200 characters";
  if (new Set(password).size < 5) return "is too simple";
  return null;
}
