import { describe, expect, it } from 'vitest';
import { renderTemplate } from './template-text';

describe('renderTemplate (CH6 preview)', () => {
  const values = { agentName: 'Alice', orgName: 'Contoso', channelNumber: '+15005550006' };

  it('fills in every known placeholder with a value, each time it occurs', () => {
    expect(renderTemplate('{agentName} of {orgName} ({channelNumber}). {agentName}', values)).toBe(
      'Alice of Contoso (+15005550006). Alice',
    );
  });

  it('leaves a placeholder without a value, unknown names and stray braces as written', () => {
    expect(renderTemplate('Hi {customerName}, {orderId} {orgName {} {{orgName}}', values)).toBe(
      'Hi {customerName}, {orderId} {orgName {} {Contoso}',
    );
  });

  it('does not treat a name from the object prototype as a placeholder', () => {
    expect(renderTemplate('{constructor} {hasOwnProperty}', values)).toBe('{constructor} {hasOwnProperty}');
  });
});
