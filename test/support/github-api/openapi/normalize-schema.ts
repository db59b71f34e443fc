import type { OpenApiSchema } from './load-spec.js';

type Node = Record<string, unknown>;

const SCHEMA_MAPS = ['properties', 'patternProperties', 'definitions'];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf'];
const SCHEMA_SLOTS = [
  'items',
  'additionalProperties',
  'additionalItems',
  'not',
  'contains',
  'propertyNames',
];

/**
 * Turns an OpenAPI 3.0 schema into plain JSON Schema (draft-07) that Ajv
 * validates with the meaning OpenAPI gives it:
 * - `nullable: true` admits null: added to `type` and `enum`, or, next to
 *   `allOf`/`anyOf`/`oneOf` (which would still reject null), as an
 *   `anyOf` with `{ type: 'null' }`;
 * - `discriminator` is dropped: it only tells code generators which branch
 *   to pick, and the `oneOf` it annotates still decides validity;
 * - boolean `exclusiveMinimum`/`exclusiveMaximum` (draft-04) become numbers.
 * Returns a new schema; the input is not changed.
 */
export function normalizeSchema(schema: OpenApiSchema): OpenApiSchema {
  return normalizeNode(schema);
}

function normalizeNode(input: Node): Node {
  const node: Node = { ...input };
  normalizeChildren(node);
  delete node.discriminator;
  fixExclusiveBounds(node);

  const nullable = node.nullable === true;
  delete node.nullable;
  if (!nullable) return node;
  if (SCHEMA_LISTS.some((key) => key in node) || node.type === undefined) {
    return { anyOf: [{ type: 'null' }, node] };
  }
  return admitNull(node);
}

function normalizeChildren(node: Node): void {
  for (const key of SCHEMA_MAPS) {
    const map = node[key];
    if (!isObject(map)) continue;
    node[key] = Object.fromEntries(
      Object.entries(map).map(([name, child]) => [name, normalizeAny(child)]),
    );
  }
  for (const key of SCHEMA_LISTS) {
    const list = node[key];
    if (Array.isArray(list)) node[key] = list.map(normalizeAny);
  }
  for (const key of SCHEMA_SLOTS) {
    const child = node[key];
    if (Array.isArray(child)) node[key] = child.map(normalizeAny);
    else if (isObject(child)) node[key] = normalizeNode(child);
  }
}

function normalizeAny(child: unknown): unknown {
  return isObject(child) ? normalizeNode(child) : child;
}

function admitNull(node: Node): Node {
  const types = Array.isArray(node.type) ? node.type : [node.type];
  if (!types.includes('null')) node.type = [...types, 'null'];
  if (Array.isArray(node.enum) && !node.enum.includes(null)) {
    node.enum = [...node.enum, null];
  }
  return node;
}

function fixExclusiveBounds(node: Node): void {
  const pairs = [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const;
  for (const [exclusive, bound] of pairs) {
    if (typeof node[exclusive] !== 'boolean') continue;
    if (node[exclusive] === true && typeof node[bound] === 'number') {
      node[exclusive] = node[bound];
      delete node[bound];
    } else {
      delete node[exclusive];
    }
  }
}

function isObject(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
