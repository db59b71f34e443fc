const MARKER =
  /<!-- nhi-policy:quarterly-review team=([a-z0-9-]+) quarter=([a-z0-9-]+) -->/;

/** A quarterly review issue's team and quarter, as its marker has them. */
export interface ReviewMarker {
  team: string;
  /** Lower case in the marker: 2026-q4. */
  quarter: string;
}

/**
 * The hidden line that ties a quarterly review issue to its team and
 * quarter. Both are written as slugs, so no value can close the comment.
 */
export function reviewMarker(team: string, quarter: string): string {
  return `<!-- nhi-policy:quarterly-review team=${markerSlug(team)} quarter=${markerSlug(quarter)} -->`;
}

/** The team and quarter a review body is for, or null without a marker. */
export function reviewOfBody(
  body: string | null | undefined,
): ReviewMarker | null {
  const match = MARKER.exec(body ?? '');
  if (!match) return null;
  return { team: match[1] ?? '', quarter: match[2] ?? '' };
}

/** Text as a marker writes it: lower case letters, digits and dashes. */
export function markerSlug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
}
