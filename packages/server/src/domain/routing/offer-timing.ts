/** When an offer made at `offeredAt` runs out. */
export function offerExpiresAt(offeredAt: Date, timeoutSeconds: number): Date {
  return new Date(offeredAt.getTime() + timeoutSeconds * 1000);
}

export function isOfferExpired(offer: { expiresAt: Date }, now: Date): boolean {
  return now.getTime() >= offer.expiresAt.getTime();
}
