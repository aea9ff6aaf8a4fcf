import { describe, expect, it } from 'vitest';
import { renderTemplate, unknownPlaceholders } from './template.js';

const values = { customerName: 'Emma Janssen', agentName: 'Bob', orgName: 'Contoso', channelNumber: '+15005550006' };

describe('message templates (CH6)', () => {
  it('fills every placeholder it knows', () => {
    expect(renderTemplate('Hello {customerName}, {agentName} of {orgName} here ({channelNumber}).', values)).toBe(
      'Hello Emma Janssen, Bob of Contoso here (+15005550006).',
    );
  });

  it('leaves no stray space where a value is empty', () => {
    expect(renderTemplate('Hello {customerName}, your order is ready.', { ...values, customerName: '' })).toBe(
      'Hello, your order is ready.',
    );
  });

  it('names the placeholders it cannot fill, once each', () => {
    expect(unknownPlaceholders('Hi {firstName} {customerName} {firstName} {orderId}')).toEqual(['firstName', 'orderId']);
    expect(unknownPlaceholders('Hi {customerName}')).toEqual([]);
  });
});
