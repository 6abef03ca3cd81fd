/**
 * Entity tags for API answers. One function makes them, so the answer cache (which tags an answer
 * once, when it stores it) and the API middleware (which tags what the cache did not keep) give
 * the same tag for the same bytes and a client's If-None-Match works either way.
 */
import { createHash } from 'node:crypto';

/** a weak tag: the JSON is the same, not necessarily byte for byte as compressed by a proxy */
export function weakTag(body: Uint8Array): string {
  return `W/"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** If-None-Match against a tag, weakly (RFC 9110 8.8.3.2): `W/` prefixes are ignored */
export function tagMatches(ifNoneMatch: string | undefined | null, tag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const bare = tag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === bare);
}
