import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/**
 * A phone number in E.164 (`+31612345678`), the one form numbers are stored and matched in (CH5),
 * or null when it is not a possible number. Providers write numbers their own way: Twilio
 * `+31612345678`, TeleSign and Azure digits with the country code and no `+` (`31612345678`), a
 * person `06 12345678`. Digits with no `+` and no default country are read as international.
 */
export function toE164(raw: string, defaultCountry?: CountryCode): string | null {
  const text = raw.trim().replace(/^whatsapp:/i, '');
  if (text === '' || text.length > 40) return null;
  const digitsOnly = /^\d+$/.test(text.replace(/[\s().-]/g, ''));
  const international = text.startsWith('+') || text.startsWith('00') || (digitsOnly && !defaultCountry);
  const candidate = international && !text.startsWith('+') ? `+${text.replace(/^00/, '')}` : text;
  const parsed = parsePhoneNumberFromString(candidate, international ? undefined : defaultCountry);
  return parsed && parsed.isPossible() ? parsed.number : null;
}

/** E.164 without the `+`: how TeleSign and Azure want a number. */
export const digitsOf = (e164: string) => e164.replace(/^\+/, '');

/** A short code: 3 to 8 digits, no country code (`4442`, `88888`); texts to it come from within one country. */
const SHORT_CODE = /^\d{3,8}$/;

/**
 * One of our numbers (CH2), a long code in E.164 or a short code as its digits; null when it is
 * neither. The customer's number is always a long code (`toE164`).
 */
export function toOurNumber(raw: string): string | null {
  const text = raw.trim();
  return SHORT_CODE.test(text) ? text : toE164(text);
}
