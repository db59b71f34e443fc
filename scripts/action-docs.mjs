// Writes the inputs and outputs tables of action.yml into README.md,
// between the action-docs markers, so the README never drifts from the
// Action. With --check it changes nothing and exits 1 when they differ.
import { readFileSync, writeFileSync } from 'node:fs';
import * as prettier from 'prettier';
import { parse } from 'yaml';

const README = 'README.md';
const START = '<!-- action-docs:start -->';
const END = '<!-- action-docs:end -->';

const check = process.argv.includes('--check');
const action = parse(readFileSync('action.yml', 'utf8'));
const readme = readFileSync(README, 'utf8');
const expected = await replaceBlock(readme, await renderTables(action));

if (check) {
  if (expected !== readme) {
    console.error(
      `${README}: the inputs and outputs tables differ from action.yml: run "npm run docs" and commit the result`,
    );
    process.exit(1);
  }
} else if (expected !== readme) {
  writeFileSync(README, expected);
  console.log(`${README}: inputs and outputs tables updated`);
}

/** Both tables as Markdown, formatted as Prettier would format them. */
async function renderTables(action) {
  const inputs = Object.entries(action.inputs ?? {}).map(([name, input]) =>
    row([code(name), defaultOf(input), text(input.description)]),
  );
  const outputs = Object.entries(action.outputs ?? {}).map(([name, output]) =>
    row([code(name), text(output.description)]),
  );
  const markdown = [
    '### Inputs',
    '',
    row(['Input', 'Default', 'Description']),
    row(['---', '---', '---']),
    ...inputs,
    '',
    '### Outputs',
    '',
    row(['Output', 'Description']),
    row(['---', '---']),
    ...outputs,
    '',
  ].join('\n');
  const options = (await prettier.resolveConfig(README)) ?? {};
  return prettier.format(markdown, { ...options, parser: 'markdown' });
}

function defaultOf(input) {
  const value = input.default ?? '';
  return value === '' ? '(empty)' : code(String(value));
}

function row(cells) {
  return `| ${cells.join(' | ')} |`;
}

function code(value) {
  return `\`${value}\``;
}

function text(value) {
  return String(value ?? '')
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/\|/g, '\\|');
}

async function replaceBlock(readme, tables) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start === -1 || end < start) {
    console.error(`${README}: add the markers ${START} and ${END}`);
    process.exit(1);
  }
  const before = readme.slice(0, start + START.length);
  return `${before}\n\n${tables}\n${readme.slice(end)}`;
}
