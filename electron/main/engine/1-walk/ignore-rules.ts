import ignore, { type Ignore } from 'ignore';

interface Layer {
  /** Directory (relative to the root) the rules were written in. */
  base: string;
  rules: Ignore;
}

/** Stacked `.clearanceignore` files: each applies, in gitignore syntax, to its own directory and below. */
export class IgnoreRules {
  private constructor(private readonly layers: readonly Layer[]) {}

  static empty(): IgnoreRules {
    return new IgnoreRules([]);
  }

  extend(base: string, text: string): IgnoreRules {
    return new IgnoreRules([...this.layers, { base, rules: ignore().add(text) }]);
  }

  ignores(relPath: string, isDirectory: boolean): boolean {
    for (const layer of this.layers) {
      const local = layer.base === '' ? relPath : relPath.slice(layer.base.length + 1);
      if (local === '') continue;
      if (layer.rules.ignores(isDirectory ? `${local}/` : local)) return true;
    }
    return false;
  }
}
