import { jsonPointer, type ProblemLog } from '../problems.js';
import { asArray, asObject, isObject, type JsonObject } from '../values.js';

/**
 * Rules the CycloneDX spec states in prose (XSD 1.1 asserts that XSD 1.0 validators skip, so the schema check
 * cannot catch them). 1.7: `versionRange` only on a component with `isExternal: true`.
 */
export function checkCycloneDxRules(bom: JsonObject, log: ProblemLog): void {
  const stack: [JsonObject, (string | number)[]][] = [];
  const metadataComponent = asObject(asObject(bom.metadata)?.component);
  if (metadataComponent) stack.push([metadataComponent, ['metadata', 'component']]);
  asArray(bom.components).forEach((item, index) => {
    if (isObject(item)) stack.push([item, ['components', index]]);
  });
  while (stack.length > 0) {
    const [component, path] = stack.pop()!;
    if (component.versionRange !== undefined && component.isExternal !== true) {
      log.error(
        jsonPointer([...path, 'versionRange']),
        'versionRange may only be present on a component with isExternal = true (CycloneDX 1.7)',
      );
    }
    asArray(component.components).forEach((item, index) => {
      if (isObject(item)) stack.push([item, [...path, 'components', index]]);
    });
  }
}
