import parse from 'spdx-expression-parse';

export type ExpressionNode = parse.Info;

export type ParsedExpression = { ok: true; node: ExpressionNode; normalized: string } | { ok: false; error: string };

function render(node: ExpressionNode, parentConjunction: 'and' | 'or' | null): string {
  if ('license' in node) {
    const id = node.plus ? `${node.license}+` : node.license;
    return node.exception ? `${id} WITH ${node.exception}` : id;
  }
  const text = `${render(node.left, node.conjunction)} ${node.conjunction.toUpperCase()} ${render(node.right, node.conjunction)}`;
  return parentConjunction !== null && parentConjunction !== node.conjunction ? `(${text})` : text;
}

/** Parses an SPDX license expression (ids, WITH, AND, OR, parentheses, LicenseRef-). */
export function parseExpression(expression: string): ParsedExpression {
  const trimmed = expression.trim();
  if (trimmed === '') return { ok: false, error: 'empty license expression' };
  try {
    const node = parse(trimmed);
    return { ok: true, node, normalized: render(node, null) };
  } catch (error) {
    return { ok: false, error: `invalid SPDX expression "${trimmed}": ${(error as Error).message}` };
  }
}

export function isValidExpression(expression: string): boolean {
  return parseExpression(expression).ok;
}

/** Every license id (and exception id) named in an expression, in order of first appearance. */
export function licenseIdsOf(expression: string, includeExceptions = false): string[] {
  const parsed = parseExpression(expression);
  if (!parsed.ok) return [];
  const ids: string[] = [];
  const visit = (node: ExpressionNode): void => {
    if ('license' in node) {
      const id = node.plus ? `${node.license}+` : node.license;
      if (!ids.includes(id)) ids.push(id);
      if (includeExceptions && node.exception && !ids.includes(node.exception)) ids.push(node.exception);
    } else {
      visit(node.left);
      visit(node.right);
    }
  };
  visit(parsed.node);
  return ids;
}

/**
 * The license family without its version-choice suffix (GPL-2.0-only, GPL-2.0-or-later, GPL-2.0+ → GPL-2.0):
 * a bare license text cannot say which choice the authors made, so comparisons with texts use this.
 */
export function licenseFamily(id: string): string {
  return id.replace(/(-only|-or-later|\+)$/, '');
}
