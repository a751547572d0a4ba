/**
 * The parse tree of kubectl's JSONPath dialect (k8s.io/client-go/util/jsonpath): a template is a
 * list of text and action nodes; an action (`{…}`) is a list of steps applied left to right.
 */

/** One bound of a subscript `[start:end:step]`; `derived` marks an end made up from `[i]` (i + 1). */
export interface SliceParam {
  known: boolean;
  value: number;
  derived: boolean;
}

export interface ListNode {
  type: 'list';
  nodes: Node[];
}

export type Node =
  | ListNode
  | { type: 'text'; text: string }
  | { type: 'field'; name: string }
  | { type: 'identifier'; name: string }
  | { type: 'array'; params: [SliceParam, SliceParam, SliceParam] }
  | { type: 'filter'; left: ListNode; right: ListNode; operator: string }
  | { type: 'int'; value: number }
  | { type: 'float'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'wildcard' }
  | { type: 'recursive' }
  | { type: 'union'; lists: ListNode[] };

export function newList(): ListNode {
  return { type: 'list', nodes: [] };
}
