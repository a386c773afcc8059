/** A claim's type and quantities from its text (pure): what a new claim gets when no type is given. */
import { typesOf } from './detect';
import { claimQuantities, type ClaimQuantity, type QuantityContext } from './quantities';
import type { ClaimType } from './types';

export function describeClaimText(text: string, ctx: QuantityContext = {}): { type: ClaimType; quantities: ClaimQuantity[] } {
  const quantities = claimQuantities(text, undefined, ctx);
  return { type: typesOf(text, quantities)[0], quantities };
}
