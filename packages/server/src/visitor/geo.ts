import { createRequire } from 'node:module';
import { isIP } from 'node:net';
import { Reader } from '@maxmind/geoip2-node';

/** Where a client address is, as far as the offline database knows. */
export type Location = { country: string; city: string | null };

export type GeoLocator = { locate(ip: string | undefined): Location | null };

/** The database shipped with the server: country only, CC BY 4.0 by NRO (attribution in the README). */
export function defaultGeoDatabase(): string {
  const require = createRequire(import.meta.url);
  return require.resolve('@ip-location-db/geo-whois-asn-country-mmdb/geo-whois-asn-country.mmdb');
}

/** Loopback, private, link-local and unique-local addresses: no place on a map. */
export function isPrivateAddress(ip: string): boolean {
  const v4 = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
  if (isIP(v4) === 4) {
    const [a, b] = v4.split('.').map(Number) as [number, number];
    return (
      a === 10 ||
      a === 127 ||
      a === 0 ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 169 && b === 254) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  const low = ip.toLowerCase();
  return low === '::1' || low === '::' || /^f[cd]/.test(low) || /^fe[89ab]/.test(low);
}

type RawRecord = { country_code?: unknown; city?: unknown; country?: { iso_code?: unknown }; names?: unknown };
type ModelWithRaw = { mmdbReader?: { get(ip: string): RawRecord | null; metadata: { databaseType: string } } };

/**
 * Opens the database once (the caller keeps the locator and passes it on). GeoIP2-format files
 * (GeoLite2, DB-IP lite) go through the reader's `city()`/`country()`; ip-location-db's files
 * carry flat `country_code`/`city` records of type "country ipvAll", which those methods refuse,
 * so those are read from the reader's underlying mmdb record.
 */
export async function openGeoLocator(file: string = defaultGeoDatabase()): Promise<GeoLocator> {
  const model = await Reader.open(file);
  const raw = (model as unknown as ModelWithRaw).mmdbReader;
  const type = raw?.metadata.databaseType ?? '';
  const text = (v: unknown) => (typeof v === 'string' && v ? v.slice(0, 100) : null);

  function lookup(ip: string): Location | null {
    if (type.includes('City')) {
      const c = model.city(ip);
      const country = c.country?.isoCode;
      return country ? { country, city: c.city?.names.en ?? null } : null;
    }
    if (type.includes('Country')) {
      const country = model.country(ip).country?.isoCode;
      return country ? { country, city: null } : null;
    }
    const record = raw?.get(ip);
    const country = text(record?.country_code);
    return country ? { country, city: text(record?.city) } : null;
  }

  return {
    locate(ip) {
      if (!ip || !isIP(ip) || isPrivateAddress(ip)) return null;
      try {
        return lookup(ip.startsWith('::ffff:') ? ip.slice(7) : ip);
      } catch {
        return null; // not in the database
      }
    },
  };
}

/** For tests and for a server started without the database: every address is unknown. */
export const noGeoLocator: GeoLocator = { locate: () => null };
