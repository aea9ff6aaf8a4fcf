import Bowser from 'bowser';

export type BrowserAndOs = { browser: string | null; os: string | null };

/** Header values are untrusted: keep what an agent reads short. */
const clip = (s: string | undefined) => (s ? s.slice(0, 100) : null);

/**
 * AG6 visitor details: the browser and operating system a User-Agent names, with versions
 * ("Chrome 120.0.0.0", "macOS 10.15.7"). An empty or unknown header gives nulls, never an error.
 */
export function browserAndOs(userAgent: string | undefined): BrowserAndOs {
  if (!userAgent) return { browser: null, os: null };
  try {
    const parsed = Bowser.parse(userAgent.slice(0, 1000));
    const named = (name?: string, version?: string) =>
      clip(name ? [name, version].filter(Boolean).join(' ') : undefined);
    return {
      browser: named(parsed.browser.name, parsed.browser.version),
      os: named(parsed.os.name, parsed.os.versionName ?? parsed.os.version),
    };
  } catch {
    return { browser: null, os: null };
  }
}
