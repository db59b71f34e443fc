/**
 * A deterministic generator of identity documents written in the many ways
 * YAML allows: quoting styles, flow and block collections, block scalars,
 * comments, anchors and aliases, CRLF, a byte-order mark, document markers,
 * and scalars that YAML 1.1 and 1.2 read differently. Used to check that
 * the two parsers read every one of them the same way.
 */

type Value =
  string | number | boolean | null | Value[] | { [k: string]: Value };

/** A small seeded PRNG (mulberry32), so every run sees the same files. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Scalars that loaders have read in surprising ways. */
const TRICKY = [
  '030',
  '0o17',
  '0x1F',
  '1e3',
  '+12',
  '-0',
  '.5',
  '1_000',
  '0.0',
  'yes',
  'no',
  'on',
  'off',
  'y',
  'N',
  'True',
  'FALSE',
  'null',
  'Null',
  '~',
  '.inf',
  '-.Inf',
  '.NaN',
  '2026-01-15',
  '2026-02-30',
  '2026-01-15T10:00:00Z',
  '12:30',
  '1:30:00',
  'é',
  'Zoë',
  '👩‍💻abc',
  'naïve café',
  'kv/payments/reader',
  'roles/bigquery.dataViewer',
  'arn:aws:iam::123456789012:role/reader',
  '#payments-oncall',
  'a: b',
  'x #y',
  '@dana',
  '%TAG',
  '!not-a-tag',
  '*star',
  '&amp',
  '- item',
  '[x]',
  '{x}',
  "it's",
  'say "hi"',
  'tab\there',
  'line\nbreak',
  '  padded  ',
  '',
  '0',
  '00',
  '-030',
  '2026-1-5',
];

const WORDS = ['payments', 'ledger', 'reader', 'billing', 'export', 'prod'];

/** Text that may be written unquoted here (never starting a collection). */
const PLAIN = /^[A-Za-z0-9.+~-][^\n\t#,[\]{}"'`|>&*!%@]*$/;

const NUMBERS = [0, 1, 30, 90, 365, 3650, -1, 2.5];

export interface GeneratedFile {
  name: string;
  text: string;
}

/** `count` identity documents, each written in a randomly chosen style. */
export function generateIdentities(
  count: number,
  seed = 20261201,
): GeneratedFile[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T =>
    items[Math.floor(next() * items.length)] as T;
  const chance = (p: number) => next() < p;
  const files: GeneratedFile[] = [];

  for (let n = 0; n < count; n++) {
    const writer = new Writer(pick, chance);
    const text = writer.document(identity(pick, chance));
    const crlf = chance(0.2) ? text.replace(/\n/g, '\r\n') : text;
    files.push({
      name: `generated-${n}.yaml`,
      text: chance(0.1) ? `\uFEFF${crlf}` : crlf,
    });
  }
  return files;
}

function identity(
  pick: <T>(items: readonly T[]) => T,
  chance: (p: number) => boolean,
): Record<string, Value> {
  const scalar = (): Value =>
    chance(0.5) ? pick(TRICKY) : chance(0.5) ? pick(WORDS) : pick(NUMBERS);
  const doc: Record<string, Value> = {
    schemaVersion: 1,
    id: `svc-${pick(WORDS)}-${pick(WORDS)}`,
    kind: 'service-account',
    purpose: chance(0.5)
      ? 'Reads ledger entries for the nightly reconciliation job.'
      : 'Reads ledger entries\nfor the nightly job,\n\nthen exports them.\n',
    status: pick(['active', 'requested', 'deprecated']),
    environment: pick(['production', 'staging', 'development']),
    system: { provider: 'gcp', account: scalar(), resourceId: scalar() },
    owner: { team: 'payments-platform', individual: 'dana-whitfield' },
    access: { privilege: 'read', scopes: [scalar(), scalar()] },
    credentials: [
      {
        id: 'primary',
        type: 'sa-key',
        storage: { backend: 'vault', ref: scalar() },
        lastRotated: scalar(),
        rotation: { intervalDays: scalar(), autoRotate: scalar() },
      },
    ],
    review: { intervalDays: scalar(), lastReviewed: scalar() },
  };
  if (chance(0.5)) doc.labels = { [pick(WORDS)]: scalar(), note: scalar() };
  if (chance(0.3)) doc.dependents = [];
  if (chance(0.3))
    doc.history = [{ action: 'created', date: scalar(), by: null }];
  return doc;
}

class Writer {
  private anchors = 0;
  private readonly anchored: string[] = [];

  constructor(
    private readonly pick: <T>(items: readonly T[]) => T,
    private readonly chance: (p: number) => boolean,
  ) {}

  document(doc: Record<string, Value>): string {
    const step = this.pick([2, 4]);
    const head = this.chance(0.3) ? '# an identity file\n' : '';
    const start = this.chance(0.2) ? '---\n' : '';
    const end = this.chance(0.1) ? '...\n' : '';
    return head + start + this.mapping(doc, 0, step) + end;
  }

  private mapping(
    map: Record<string, Value>,
    indent: number,
    step: number,
  ): string {
    let out = '';
    for (const [key, value] of Object.entries(map)) {
      const pad = ' '.repeat(indent);
      const shownKey = this.chance(0.1) ? JSON.stringify(key) : key;
      out += `${pad}${shownKey}:${this.value(value, indent, step)}`;
      if (this.chance(0.05)) out += '\n';
    }
    return out;
  }

  /** The text after `key:` or `-`, newline included. */
  private value(value: Value, indent: number, step: number): string {
    if (Array.isArray(value)) {
      if (value.length === 0) return ' []\n';
      if (value.every((v) => !isCollection(v)) && this.chance(0.4)) {
        return ` [${value.map((v) => this.flowScalar(v)).join(', ')}]\n`;
      }
      const pad = ' '.repeat(indent + step);
      return `\n${value
        .map((item) => {
          if (isMapping(item)) {
            const inner = this.mapping(item, indent + step + 2, step);
            return `${pad}- ${inner.slice(indent + step + 2)}`;
          }
          return `${pad}-${this.value(item, indent + step, step)}`;
        })
        .join('')}`;
    }
    if (isMapping(value)) {
      const name = this.chance(0.1) ? `a${++this.anchors}` : '';
      const anchor = name ? ` &${name}` : '';
      let text: string;
      if (
        Object.values(value).every((v) => !isCollection(v)) &&
        this.chance(0.4)
      ) {
        const pairs = Object.entries(value).map(
          ([k, v]) => `${k}: ${this.flowScalar(v)}`,
        );
        text = `${anchor} { ${pairs.join(', ')} }\n`;
      } else {
        text = `${anchor}\n${this.mapping(value, indent + step, step)}`;
      }
      // Usable only once written, so that no alias refers to itself.
      if (name) this.anchored.push(name);
      return text;
    }
    if (this.anchored.length > 0 && this.chance(0.05)) {
      return ` *${this.pick(this.anchored)}\n`;
    }
    const comment = this.chance(0.1) ? ' # note' : '';
    return ` ${this.blockScalar(value, indent + step)}${comment}\n`;
  }

  private blockScalar(value: Value, indent: number): string {
    if (
      typeof value === 'string' &&
      value.includes('\n') &&
      !/^\s|\s\n/.test(value)
    ) {
      const pad = ' '.repeat(indent);
      const lines = value.replace(/\n$/, '').split('\n');
      const body = lines.map((l) => (l === '' ? '' : pad + l)).join('\n');
      return `${this.pick(['|', '|-', '>', '>-'])}\n${body}`;
    }
    return this.flowScalar(value);
  }

  private flowScalar(value: Value): string {
    if (typeof value !== 'string')
      return value === null ? this.pick(['', '~', 'null']) : String(value);
    const style = this.pick(['plain', 'plain', 'single', 'double']);
    if (style === 'single' && !value.includes('\n') && !value.includes('\t')) {
      return `'${value.replace(/'/g, "''")}'`;
    }
    if (
      style === 'plain' &&
      PLAIN.test(value) &&
      !/: |:$|\s$| #|^- /.test(value)
    ) {
      return value;
    }
    return JSON.stringify(value);
  }
}

function isMapping(value: Value): value is { [k: string]: Value } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isCollection(value: Value): boolean {
  return value !== null && typeof value === 'object';
}
