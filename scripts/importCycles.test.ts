import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { dirname, join, relative, resolve } from 'path';
import ts from 'typescript';

/**
 * No import cycle in src/, type-only imports included: a cycle ties modules that should be layered (the data source,
 * its variable support and their editor were one) and makes bundle splitting and test isolation fragile.
 */

const SRC = resolve(__dirname, '../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      return sourceFiles(path);
    }
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) {
    return undefined;
  }
  const base = resolve(dirname(from), specifier);
  return [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')].find(
    (path) => existsSync(path) && statSync(path).isFile()
  );
}

/** Every relative import of every file: static, type-only, re-exports and dynamic imports. */
export function importGraph(files: string[]): Map<string, string[]> {
  return new Map(
    files.map((file) => {
      const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
      const targets = importedFiles.flatMap(({ fileName }) => resolveImport(file, fileName) ?? []);
      return [file, targets];
    })
  );
}

/** The strongly connected components with more than one module, or one that imports itself (Tarjan). */
export function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const to of graph.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) {
        low.set(node, Math.min(low.get(node)!, index.get(to)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) {
        found.push(component.sort());
      }
    }
  };
  [...graph.keys()].forEach((node) => index.has(node) || visit(node));
  return found;
}

describe('imports in src/', () => {
  it('form no cycle', () => {
    const found = cycles(importGraph(sourceFiles(SRC))).map((c) => c.map((file) => relative(SRC, file)));
    expect(found).toEqual([]);
  });

  it('are read so that a cycle would be found, type-only imports included', () => {
    const graph = new Map([
      ['datasource.ts', ['variables/VariableSupport.ts']],
      ['variables/VariableSupport.ts', ['editors/VariableQueryEditor.tsx']],
      ['editors/VariableQueryEditor.tsx', ['datasource.ts']],
      ['types.ts', []],
    ]);
    expect(cycles(graph)).toEqual([
      ['datasource.ts', 'editors/VariableQueryEditor.tsx', 'variables/VariableSupport.ts'],
    ]);
    const typeOnly = join(SRC, 'datasource/editors/QueryEditor.tsx');
    expect(importGraph([typeOnly]).get(typeOnly)).toContain(join(SRC, 'datasource/datasource.ts'));
  });
});
