#!/usr/bin/env node
import { main } from './cli/main.js';

const code = main(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  isTty: process.stdout.isTTY === true,
  env: process.env,
  input: process.stdin,
});
if (typeof code === 'number') process.exitCode = code;
else void code.then((value) => (process.exitCode = value));
