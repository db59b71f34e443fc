const MARKER = /<!-- nhi-policy:audit team=([a-z0-9][a-z0-9-]*) -->/;
const ITEM = /^- \[([ xX])\] .*<!-- item:([^ ]+) -->$/gm;

/**
 * The hidden line that ties a rolling issue to its team. Issues are found
 * by this marker and the label, never by title (people rename issues) and
 * never by the search index (it lags behind writes).
 */
export function teamMarker(team: string): string {
  return `<!-- nhi-policy:audit team=${team} -->`;
}

/** The team an issue body belongs to, or null if it has no marker. */
export function teamOfBody(body: string | null | undefined): string | null {
  return MARKER.exec(body ?? '')?.[1] ?? null;
}

/** Keys of the checklist items someone ticked in an issue body. */
export function tickedItems(body: string | null | undefined): Set<string> {
  const ticked = new Set<string>();
  for (const match of (body ?? '').matchAll(ITEM)) {
    if (match[1] !== ' ' && match[2]) ticked.add(match[2]);
  }
  return ticked;
}

/** An item key as it is written in the hidden tag of its checklist line. */
export function itemTag(key: string): string {
  return key.replace(/[^A-Za-z0-9._/-]/g, '_');
}
