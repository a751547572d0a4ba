import type { Client } from '../../api/client.js';
import type { KindDef } from '../../api/kind.js';
import type { KubeObject } from '../../api/types.js';
import { describeGeneric } from '../../api/kinds/generic-describe.js';
import { eventsAfter, findEvents } from './describe-events.js';

/**
 * `kubectl describe` of one object: the kind's own describer (or the generic one) followed by
 * the Events section, unless the kind shows none or `--show-events=false` asks for none.
 */
export async function describeObject(client: Client, kind: KindDef, obj: KubeObject, now: Date, opts: { showEvents?: boolean } = {}): Promise<string> {
  const showEvents = kind.describeEvents !== false && opts.showEvents !== false;
  const body = kind.describe ? await kind.describe(obj, { client, now }) : describeGeneric(obj);
  if (!showEvents) return body;
  return body + eventsAfter(body, await findEvents(client, obj, kind), now);
}
