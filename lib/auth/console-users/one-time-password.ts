// One-time passwords for new console accounts and password resets: read aloud or typed from a
// screen, so no look-alike characters (0/O, 1/l/I); 20 random characters, about 115 bits.
import { randomInt } from "node:crypto";

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
const GROUPS = 4;
const GROUP_LENGTH = 5;

/** "Xk7mQ-p2RtW-9hNcV-aF4eZ": four groups of five, uniformly drawn. */
export function newOneTimePassword(): string {
  return Array.from({ length: GROUPS }, () => Array.from({ length: GROUP_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join("")).join("-");
}
