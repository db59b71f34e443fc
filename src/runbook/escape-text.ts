import { visibleText } from './visible-text.js';

/**
 * What GitHub turns into a mention, a reference, a link, an emoji or math
 * even when escaped. Values holding one are shown in a code span instead.
 */
export const NEEDS_CODE_SPAN = /[@#$]|:\/\/|www\.|:[a-z0-9_+-]+:/i;

/**
 * Text from a file as inert Markdown prose, with no invisible characters
 * added: HTML and entities become entities; the characters that start
 * emphasis, code, links, tables and strikethrough are escaped; so is a
 * first character that would start a heading, a list or a quote. Text
 * that NEEDS_CODE_SPAN matches must go in a code span instead.
 */
export function escapeText(text: string): string {
  return visibleText(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, '\\$&')
    .replace(/^(\s*)([-+=])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}
