/**
 * The shape of the protobuf field tables (tables/*.ts). Each package table maps a message name to
 * its fields, written `<number> <json name> <kind>` and separated by `, `:
 *
 * - kind `s` string, `i32` int32, `i64` int64, `b` bool, `y` bytes (JSON: base64), or a message
 *   type: a name in the same package (`PodSpec`) or qualified (`meta.v1.ObjectMeta`);
 * - `{V}` a map from string to V (entries are messages {1 key, 2 value});
 * - a trailing `*` a repeated field; a trailing `!` a scalar whose zero value is kept (a pointer
 *   field in the Go type: `replicas: 0` means something), where other zero scalars are dropped as
 *   Go's `omitempty` would;
 * - json name `~` a message inlined into its parent (Go's `json:",inline"` embedding).
 */

export interface PackageTable {
  /** Short package name: `core.v1`, `meta.v1`, `intstr`, … */
  pkg: string;
  messages: Record<string, string>;
}

export type ScalarKind = 's' | 'i32' | 'i64' | 'b' | 'y';

export type ValueKind = { scalar: ScalarKind } | { message: string };

export interface FieldSpec {
  number: number;
  /** JSON name; undefined for an inlined message. */
  json: string | undefined;
  value: ValueKind;
  repeated: boolean;
  map: boolean;
  keepZero: boolean;
}

export interface MessageSpec {
  /** Qualified short name, e.g. `core.v1.PodSpec`. */
  name: string;
  fields: Map<number, FieldSpec>;
}
