#!/usr/bin/env node
// The peer the full check is measured against: the least work that still
// reads, parses and validates every identity file.
//
//   node bench/bare-loop.mjs DIR [--schema FILE]
//
// Reads every .yaml/.yml file under DIR/identities with fs.readFileSync,
// loads it with js-yaml's CommonJS build (the build the product bundles)
// using the YAML 1.2 core schema and the product's alias and depth limits,
// and validates it with one Ajv 2020 validator compiled from
// policies/schemas/identity.schema.json with the product's Ajv options.
// No positions, no policies, no cross-file rules, no report. Prints one JSON
// line: files, parse failures, schema failures.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const jsyaml = require('js-yaml');
const { Ajv2020 } = require('ajv/dist/2020.js');
const addFormats = require('ajv-formats');

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const YAML_EXTENSION = /\.ya?ml$/i;

function parseArgs(argv) {
  let dir = null;
  let schema = path.join(repo, 'policies/schemas/identity.schema.json');
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--schema') schema = argv[++i];
    else if (dir === null) dir = argv[i];
    else throw new Error(`unexpected argument ${argv[i]}`);
  }
  if (dir === null) throw new Error('usage: bare-loop.mjs DIR [--schema FILE]');
  return { dir, schema };
}

/** The same Ajv options as src/evaluate/create-ajv.ts. */
function createAjv() {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    strictRequired: false,
    strictTypes: false,
    strictTuples: false,
    allowUnionTypes: true,
    verbose: true,
    messages: false,
  });
  addFormats.default(ajv, ['date', 'date-time', 'email', 'uri']);
  ajv.addVocabulary(['x-nhi-rule', 'x-nhi-hint']);
  return ajv;
}

function listFiles(dir, out) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) listFiles(full, out);
    else if (entry.isFile() && YAML_EXTENSION.test(entry.name)) out.push(full);
  }
  return out;
}

const { dir, schema } = parseArgs(process.argv.slice(2));
const validate = createAjv().compile(JSON.parse(readFileSync(schema, 'utf8')));
const options = { schema: jsyaml.CORE_SCHEMA, maxAliases: 100, maxDepth: 64 };

const files = listFiles(path.join(dir, 'identities'), []).sort();
let parseFailures = 0;
let invalid = 0;
for (const file of files) {
  let doc;
  try {
    doc = jsyaml.load(readFileSync(file, 'utf8'), options);
  } catch {
    parseFailures++;
    continue;
  }
  if (!validate(doc)) invalid++;
}
process.stdout.write(
  `${JSON.stringify({ files: files.length, parseFailures, invalid })}\n`,
);
