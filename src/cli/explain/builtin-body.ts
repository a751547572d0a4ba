import { descriptionBlock, fieldDetail, fieldHead, joinDescriptions } from './layout.js';
import { fieldsOf, refOf, typeDescription, walkPath } from './schema-view.js';

/**
 * explain's body for a type of the generated schema (`V1Deployment`, or `V1ObjectMeta` below a
 * custom resource's metadata), without the final line break. Throws FieldNotFoundError for a path
 * that does not exist.
 */
export function typeOutput(rootType: string, path: string[], recursive: boolean): string {
  let out = '';
  const field = walkPath(rootType, path);
  let description: string;
  let type: string | undefined;
  if (field) {
    out += fieldHead(field.name, field.typeName, field.enum);
    type = refOf(field.expr);
    description = joinDescriptions(field.description, type ? typeDescription(type) : '');
  } else {
    type = rootType;
    description = joinDescriptions(typeDescription(type));
  }
  return out + descriptionBlock(description, type ? typeFieldList(type, 1, recursive, new Set<string>()) : '');
}

/**
 * The template's fieldList for a referenced type: its fields sorted, and with `recursive` the
 * fields of each type they lead to, except types already on the way down (`seen`: cycles).
 */
export function typeFieldList(type: string, level: number, recursive: boolean, seen: ReadonlySet<string>): string {
  let out = '';
  for (const f of fieldsOf(type)) {
    out += fieldDetail(f, level, recursive);
    if (!recursive) continue;
    const sub = refOf(f.expr);
    if (sub && !seen.has(sub)) out += typeFieldList(sub, level + 1, recursive, new Set([...seen, sub]));
  }
  return out;
}
