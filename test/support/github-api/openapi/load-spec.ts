import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { cacheFile, readSpecCache, writeSpecCache } from './spec-cache.js';

/** A JSON Schema object as found in the OpenAPI description. */
export type OpenApiSchema = Record<string, unknown>;

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** One operation of GitHub's REST API, with what the server validates. */
export interface OperationSpec {
  operationId: string;
  method: HttpMethod;
  /** The path template, e.g. `/repos/{owner}/{repo}/pulls/{pull_number}`. */
  path: string;
  docsUrl: string;
  /** JSON body schema per documented status; null when it has no body. */
  responses: Map<number, OpenApiSchema | null>;
  requestBody: OpenApiSchema | undefined;
}

/** Every operation of the API, by method and template, for diagnostics. */
export interface CatalogEntry {
  method: HttpMethod;
  path: string;
  operationId: string;
}

export interface GitHubSpec {
  /** `info.version` of the description. */
  version: string;
  /** The file read, relative to node_modules. */
  file: string;
  /** Size of the description file. */
  megabytes: number;
  /** Time to read the description and extract the operations. */
  parseMilliseconds: number;
  /** Time this process took to load: the above, or reading the cache. */
  milliseconds: number;
  /** True when the extract came from `node_modules/.cache`. */
  fromCache: boolean;
  /** The operations asked for, keyed by `routeKey(method, path)`. */
  operations: Map<string, OperationSpec>;
  /** GitHub's "Basic Error" body, for statuses an operation leaves out. */
  basicError: OpenApiSchema;
  catalog: CatalogEntry[];
}

const SPEC_FILE = '@octokit/openapi/generated/api.github.com.deref.json';
const PACKAGE_JSON = '@octokit/openapi/package.json';
const BASIC_ERROR_SOURCE = ['/repos/{owner}/{repo}/pulls/{pull_number}', 404];
const METHODS: HttpMethod[] = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'];

let cached: { keys: string; spec: GitHubSpec } | undefined;

/** The key under which an operation is indexed. */
export function routeKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path}`;
}

/**
 * GitHub's dereferenced OpenAPI description, reduced to the operations
 * named by `keys` (see `routeKey`). The 70 MB document is read once per
 * package version and route table; the extract is kept in
 * `node_modules/.cache` and in memory, and the document is left to the
 * garbage collector. Throws if an operation is missing, which means the
 * server implements a route GitHub no longer documents.
 */
export function loadGitHubSpec(keys: string[]): GitHubSpec {
  const wanted = [...new Set(keys)].sort().join('\n');
  if (cached?.keys === wanted) return cached.spec;

  const started = performance.now();
  const require = createRequire(import.meta.url);
  const file = require.resolve(SPEC_FILE);
  const cache = cacheFile(require.resolve(PACKAGE_JSON), wanted);
  let spec = readSpecCache(cache);
  if (!spec) {
    const document = JSON.parse(readFileSync(file, 'utf8')) as SpecDocument;
    spec = extract(document, new Set(keys));
    spec.megabytes = Math.round(statSync(file).size / 1e5) / 10;
    spec.parseMilliseconds = Math.round(performance.now() - started);
    writeSpecCache(cache, spec);
  }
  spec.milliseconds = Math.round(performance.now() - started);
  cached = { keys: wanted, spec };
  return spec;
}

interface SpecDocument {
  info: { version: string };
  paths: Record<string, Record<string, RawOperation>>;
}

interface RawOperation {
  operationId: string;
  externalDocs?: { url: string };
  requestBody?: { content?: Record<string, { schema?: OpenApiSchema }> };
  responses: Record<string, { content?: Record<string, { schema?: object }> }>;
}

function extract(document: SpecDocument, keys: Set<string>): GitHubSpec {
  const operations = new Map<string, OperationSpec>();
  const catalog: CatalogEntry[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const raw = item[method.toLowerCase()];
      if (!raw) continue;
      catalog.push({ method, path, operationId: raw.operationId });
      const key = routeKey(method, path);
      if (keys.has(key)) operations.set(key, toOperation(method, path, raw));
    }
  }

  const missing = [...keys].filter((key) => !operations.has(key));
  if (missing.length > 0) {
    throw new Error(
      `GitHub's OpenAPI description (${SPEC_FILE}) has no operation for ` +
        `${missing.join(', ')}: update the route table of the test server`,
    );
  }

  return {
    version: document.info.version,
    file: SPEC_FILE,
    megabytes: 0,
    parseMilliseconds: 0,
    milliseconds: 0,
    fromCache: false,
    operations,
    basicError: findBasicError(document),
    catalog,
  };
}

function toOperation(
  method: HttpMethod,
  path: string,
  raw: RawOperation,
): OperationSpec {
  const responses = new Map<number, OpenApiSchema | null>();
  for (const [status, response] of Object.entries(raw.responses)) {
    const schema = jsonSchemaOf(response.content);
    responses.set(Number(status), (schema as OpenApiSchema) ?? null);
  }
  return {
    operationId: raw.operationId,
    method,
    path,
    docsUrl: raw.externalDocs?.url ?? 'https://docs.github.com/rest',
    responses,
    requestBody: jsonSchemaOf(raw.requestBody?.content) as OpenApiSchema,
  };
}

function jsonSchemaOf(
  content: Record<string, { schema?: object }> | undefined,
): object | undefined {
  return content?.['application/json']?.schema;
}

function findBasicError(document: SpecDocument): OpenApiSchema {
  const [path, status] = BASIC_ERROR_SOURCE as [string, number];
  const raw = document.paths[path]?.get;
  const schema = jsonSchemaOf(raw?.responses[status]?.content);
  if (!schema || (schema as { title?: string }).title !== 'Basic Error') {
    throw new Error(
      `GitHub's OpenAPI description no longer answers GET ${path} ${status} ` +
        `with "Basic Error": pick another source in load-spec.ts`,
    );
  }
  return schema as OpenApiSchema;
}
