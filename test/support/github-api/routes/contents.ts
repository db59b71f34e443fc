import {
  contentDirectoryFixture,
  contentFileFixture,
  type DirectoryEntry,
} from '../fixtures/content.js';
import { errorResponse, json, notFound } from '../http/responses.js';
import { queryParam, type Route, type RouteContext } from './route.js';

/**
 * Repository contents at a ref: a file (base64, or raw text when the
 * `Accept` header asks for the `raw` media type) or a directory listing.
 */
export const contentRoutes: Route[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/contents/{path}',
    handle(context) {
      const ref = queryParam(context, 'ref') ?? context.state.defaultBranch;
      const files = snapshot(context, ref);
      if (!files) {
        const message = `No commit found for the ref ${ref}`;
        return errorResponse(404, message, context.docsUrl);
      }

      const path = (context.params.path ?? '').replace(/^\/+|\/+$/g, '');
      const text = files.get(path);
      if (text !== undefined) return fileAnswer(context, ref, path, text);
      const entries = listDirectory(files, path);
      if (entries.length === 0) return notFound(context.docsUrl);
      return json(contentDirectoryFixture(context.site, ref, entries));
    },
  },
];

function snapshot(context: RouteContext, ref: string) {
  const { contents } = context.state;
  return contents.get(ref) ?? contents.get(context.state.resolveRef(ref));
}

function fileAnswer(
  context: RouteContext,
  ref: string,
  path: string,
  text: string,
) {
  if (/application\/vnd\.github(\.v3)?\.raw/.test(context.accept)) {
    return { status: 200, text };
  }
  return json(contentFileFixture(context.site, ref, path, text));
}

function listDirectory(
  files: Map<string, string>,
  folder: string,
): DirectoryEntry[] {
  const prefix = folder === '' ? '' : `${folder}/`;
  const entries = new Map<string, DirectoryEntry>();
  for (const [path, text] of files) {
    if (!path.startsWith(prefix)) continue;
    const [name, ...rest] = path.slice(prefix.length).split('/');
    const entryPath = `${prefix}${name}`;
    entries.set(
      entryPath,
      rest.length > 0
        ? { path: entryPath, type: 'dir' }
        : { path: entryPath, type: 'file', text },
    );
  }
  return [...entries.values()].sort((a, b) => a.path.localeCompare(b.path));
}
