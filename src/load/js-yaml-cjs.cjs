// js-yaml's CommonJS build parses about twice as fast on Node 20 as its
// ES-module build. Requiring it from a CommonJS file makes the bundler pick
// the "require" export, so the bundle holds the fast build.
module.exports = require('js-yaml');
