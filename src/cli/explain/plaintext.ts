import type { KindDef } from '../../api/kind.js';
import { typeOutput } from './builtin-body.js';
import { customOutput } from './custom-body.js';

/**
 * `kubectl explain` in its 1.32 default format ("plaintext", the OpenAPI v3 template): a header
 * (GROUP only for named groups, KIND, VERSION), then for a field path `FIELD: name <type>`, the
 * DESCRIPTION (wrapped at 76 columns, indented 4) and the FIELDS, each `name<TAB><type>` with
 * `-required-` and its description, or with --recursive the nested field names only. Built-in
 * kinds are explained from the generated schema and docs, custom resources from their CRD's schema.
 */
export interface ExplainRequest {
  kind: KindDef;
  /** Field path below the resource (`['spec', 'replicas']`); empty for the resource itself. */
  path: string[];
  recursive: boolean;
}

/** The header kubectl prints first (also before a "field does not exist" error). */
export function explainHeader(kind: KindDef): string {
  return `${kind.group ? `GROUP:      ${kind.group}\n` : ''}KIND:       ${kind.kind}\nVERSION:    ${kind.version}\n\n`;
}

/** The body below the header; throws FieldNotFoundError for a path that does not exist. */
export function explainBody(req: ExplainRequest): string {
  const { kind, path, recursive } = req;
  const body = kind.customSchema ? customOutput(kind.customSchema, path, recursive) : typeOutput(kind.schemaType, path, recursive);
  return body + '\n';
}

export function explainPlaintext(req: ExplainRequest): string {
  return explainHeader(req.kind) + explainBody(req);
}
