/**
 * Keeps happy-dom from fetching the loader's script and iframe URLs during tests (there is no
 * network), and drops the one console line it prints for each iframe it therefore skips.
 */
export function stopResourceLoading(): void {
  const settings = (window as unknown as { happyDOM?: { settings: Record<string, unknown> } }).happyDOM?.settings;
  if (!settings) return;
  settings.disableIframePageLoading = true;
  settings.disableJavaScriptFileLoading = true;
  settings.disableCSSFileLoading = true;
  settings.handleDisabledFileLoadingAsSuccess = true;
  // happy-dom logs through the console it captured before vitest replaced it, so filter its stream.
  const write = process.stderr.write.bind(process.stderr) as (chunk: unknown, ...rest: unknown[]) => boolean;
  process.stderr.write = ((chunk: unknown, ...rest: unknown[]) =>
    String(chunk).includes('Iframe page loading is disabled') ? true : write(chunk, ...rest)) as typeof process.stderr.write;
}
