import { Document, isScalar, Scalar } from 'yaml';
import { YAML_OPTIONS } from '../load/locate.js';

/**
 * An identity document as the text of a new file: the schema comment
 * first, then the fields in block style, with a long purpose folded as
 * the examples write it.
 */
export function renderIdentity(
  doc: Record<string, unknown>,
  schemaRef: string,
): string {
  const yaml = new Document(doc, YAML_OPTIONS);
  yaml.commentBefore = ` yaml-language-server: $schema=${schemaRef}`;
  const purpose = yaml.get('purpose', true);
  if (isScalar(purpose) && String(purpose.value).length > 60) {
    purpose.type = Scalar.BLOCK_FOLDED;
  }
  const text = yaml.toString({ lineWidth: 0, singleQuote: true });
  // The examples start with the comment line, with no blank line after it.
  return text.replace(/^(#[^\n]*\n)\n/, '$1');
}
