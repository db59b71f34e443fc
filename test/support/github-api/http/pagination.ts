/** One page of a list and the `Link` header that leads to the others. */
export interface Page<T> {
  items: T[];
  /** RFC 5988 `Link` value; undefined when everything fits on one page. */
  link: string | undefined;
}

const DEFAULT_PER_PAGE = 30;
const MAX_PER_PAGE = 100;

/**
 * The page of `items` that `url` asks for with `per_page` (default 30, at
 * most 100) and `page` (default 1), and a `Link` header as GitHub writes it
 * (`prev`, `next`, `last`, `first`, each keeping the other query
 * parameters). A page past the end is empty.
 */
export function paginate<T>(items: T[], url: URL): Page<T> {
  const perPage = clamp(url.searchParams.get('per_page'), DEFAULT_PER_PAGE);
  const page = clamp(url.searchParams.get('page'), 1, Infinity);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const start = (page - 1) * perPage;
  return {
    items: items.slice(start, start + perPage),
    link: linkHeader(url, page, last),
  };
}

function linkHeader(url: URL, page: number, last: number): string | undefined {
  if (last === 1) return undefined;
  const to = (target: number, rel: string) => {
    const next = new URL(url);
    next.searchParams.set('page', String(target));
    return `<${next.href}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(to(Math.min(page - 1, last), 'prev'));
  if (page < last) links.push(to(page + 1, 'next'), to(last, 'last'));
  if (page > 1) links.push(to(1, 'first'));
  return links.join(', ');
}

function clamp(
  raw: string | null,
  fallback: number,
  max = MAX_PER_PAGE,
): number {
  const value = Number(raw);
  if (!raw || !Number.isInteger(value) || value < 1) return fallback;
  return Math.min(value, max);
}
