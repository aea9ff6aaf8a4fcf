import { describe, expect, it } from 'vitest';
import { isOfferExpired, offerExpiresAt } from './offer-timing.js';

describe('offer timing (injected times)', () => {
  const offeredAt = new Date('2026-05-01T12:00:00.000Z');
  const offer = { expiresAt: offerExpiresAt(offeredAt, 60) };
  it('an offer runs for the timeout', () => {
    expect(offer.expiresAt.toISOString()).toBe('2026-05-01T12:01:00.000Z');
  });
  it('is live one millisecond before its deadline and expired at it', () => {
    expect(isOfferExpired(offer, new Date('2026-05-01T12:00:59.999Z'))).toBe(false);
    expect(isOfferExpired(offer, new Date('2026-05-01T12:01:00.000Z'))).toBe(true);
  });
});
