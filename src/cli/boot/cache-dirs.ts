// cli (start-up): where the code caches are kept, in the order they are tried — beside the bundle (an install's
// own), then the user's cache folder (for an install the user cannot write: XDG_CACHE_HOME or ~/.cache, by the
// XDG Base Directory Specification). CALISIM_CACHE_DIR names the one folder to use instead; set empty, no cache.
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/** The cache folders for a bundle in `bundleDir`, first choice first. */
export function cacheDirs(bundleDir: string, env: NodeJS.ProcessEnv): string[] {
  const own = env['CALISIM_CACHE_DIR'];
  if (own !== undefined) return own === '' ? [] : [own];
  const xdg = env['XDG_CACHE_HOME'];
  // The specification ignores a relative XDG_CACHE_HOME.
  const base = xdg !== undefined && isAbsolute(xdg) ? xdg : join(homeOf(env), '.cache');
  return [bundleDir, join(base, 'calisim')];
}

function homeOf(env: NodeJS.ProcessEnv): string {
  const home = env['HOME'];
  return home !== undefined && home !== '' ? home : homedir();
}
