import { describe, expect, it } from 'vitest';
import { findCycles, importGraph } from './import-graph.js';

describe('src/ import graph', () => {
  const graph = importGraph();

  it('sees the source tree', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('src/cluster.ts')).toContain('src/apiserver/api-server.ts');
  });

  it('has no import cycles', () => {
    const report = findCycles(graph).map((cycle) => cycle.join(' -> '));
    expect(report).toEqual([]);
  });
});

describe('findCycles', () => {
  it('reports a cycle as a path and ignores acyclic parts', () => {
    const g = new Map([
      ['a', ['b']],
      ['b', ['c', 'd']],
      ['c', ['a']],
      ['d', []],
    ]);
    expect(findCycles(g)).toEqual([['a', 'b', 'c', 'a']]);
    expect(findCycles(new Map([['x', ['x']]]))).toEqual([['x', 'x']]);
    expect(findCycles(new Map([['x', ['y']], ['y', []]]))).toEqual([]);
  });
});
