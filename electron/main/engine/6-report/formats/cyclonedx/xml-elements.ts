import type { Serialize } from '@cyclonedx/cyclonedx-library';

/** Small builders for the library's SimpleXml tree, which the XML patches edit before it is stringified. */
export type Element = Serialize.XML.Types.SimpleXml.Element;
export type Node = Element | Serialize.XML.Types.SimpleXml.Comment;

export function textElement(name: string, text: string | undefined, children?: Element[]): Element {
  return { type: 'element', name, children: children ?? text };
}

export function listElement(name: string, children: Element[], attributes?: Record<string, string>): Element {
  return { type: 'element', name, ...(attributes ? { attributes } : {}), children };
}

export function booleanElement(name: string, value: boolean): Element {
  return textElement(name, value ? 'true' : 'false');
}

/** An element with only a `ref` attribute (`<subject ref="…"/>`, `<assembly ref="…"/>`). */
export function refElement(name: string, ref: string): Element {
  return { type: 'element', name, attributes: { ref } };
}

/** The element's children as a mutable array (the serializer accepts any iterable; ours are arrays). */
export function childList(element: Element): Node[] {
  if (!Array.isArray(element.children)) element.children = element.children === undefined ? [] : [...(element.children as Iterable<Node>)];
  return element.children as Node[];
}

export function isElement(node: Node, name: string): node is Element {
  return node.type === 'element' && node.name === name;
}

export function childElement(element: Element, name: string): Element | undefined {
  return childList(element).find((child): child is Element => isElement(child, name));
}

/** Inserts before the first child that comes later in `order`; a name the element already has is left alone. */
export function insertInOrder(children: Node[], order: string[], element: Element): void {
  if (children.some((child) => isElement(child, element.name))) return;
  const rank = order.indexOf(element.name);
  const index = children.findIndex((child) => child.type === 'element' && order.indexOf(child.name) > rank);
  children.splice(index === -1 ? children.length : index, 0, element);
}

/** Every element named `name` in the tree, depth first. */
export function* elementsNamed(root: Element, name: string): Generator<Element> {
  const stack: Element[] = [root];
  while (stack.length > 0) {
    const element = stack.pop()!;
    if (element.name === name) yield element;
    if (Array.isArray(element.children)) {
      for (const child of element.children as Node[]) if (child.type === 'element') stack.push(child);
    }
  }
}
