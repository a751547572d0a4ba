/**
 * The parameters kube-apiserver declares on its REST operations in OpenAPI v3 (names, places and
 * types as kube's; descriptions shortened). kubectl reads them: `--validate=strict` sends
 * ?fieldValidation=Strict only when the PATCH operation of the object's kind lists fieldValidation.
 */

export interface Parameter {
  name: string;
  in: 'query' | 'path';
  description: string;
  required?: boolean;
  schema: { type: 'string' | 'integer' | 'boolean'; uniqueItems: true };
}

const query = (name: string, type: Parameter['schema']['type'], description: string): Parameter =>
  ({ name, in: 'query', description, schema: { type, uniqueItems: true } });

export const pathParam = (name: string, description: string): Parameter =>
  ({ name, in: 'path', description, required: true, schema: { type: 'string', uniqueItems: true } });

export const NAMESPACE = pathParam('namespace', 'object name and auth scope, such as for teams and projects');
export const PRETTY = query('pretty', 'string', "If 'true', then the output is pretty printed.");

const DRY_RUN = query('dryRun', 'string',
  'When present, indicates that modifications should not be persisted. Valid values are: - All: all dry run stages will be processed');
const FIELD_MANAGER = query('fieldManager', 'string',
  'fieldManager is a name associated with the actor or entity that is making these changes.');
const FIELD_MANAGER_PATCH = query('fieldManager', 'string',
  'fieldManager is a name associated with the actor or entity that is making these changes. Required for apply requests (application/apply-patch), optional for other patch types.');
const FIELD_VALIDATION = query('fieldValidation', 'string',
  'fieldValidation instructs the server on how to handle objects in the request (POST/PUT/PATCH) containing unknown or duplicate fields. Valid values are: Ignore, Warn (the default) and Strict (fail the request with a BadRequest error listing every unknown and duplicate field).');
const FORCE = query('force', 'boolean',
  'Force is going to "force" Apply requests: the user re-acquires conflicting fields owned by other managers. Must be unset for non-apply patch requests.');

const GRACE_PERIOD = query('gracePeriodSeconds', 'integer',
  'The duration in seconds before the object should be deleted. Zero means delete immediately; unset means the default grace period of the type.');
const IGNORE_STORE_READ_ERROR = query('ignoreStoreReadErrorWithClusterBreakingPotential', 'boolean',
  'If set to true, trigger an unsafe deletion of an object that cannot be read from storage. Defaults to false.');
const ORPHAN_DEPENDENTS = query('orphanDependents', 'boolean',
  'Deprecated: please use the PropagationPolicy. Should the dependent objects be orphaned.');
const PROPAGATION_POLICY = query('propagationPolicy', 'string',
  "Whether and how garbage collection will be performed: 'Orphan', 'Background' or 'Foreground'.");

const ALLOW_WATCH_BOOKMARKS = query('allowWatchBookmarks', 'boolean',
  'allowWatchBookmarks requests watch events with type "BOOKMARK". Ignored unless watch is true.');
const CONTINUE = query('continue', 'string',
  'The continue option should be set when retrieving more results from the server, with the value the previous list returned.');
const FIELD_SELECTOR = query('fieldSelector', 'string',
  'A selector to restrict the list of returned objects by their fields. Defaults to everything.');
const LABEL_SELECTOR = query('labelSelector', 'string',
  'A selector to restrict the list of returned objects by their labels. Defaults to everything.');
const LIMIT = query('limit', 'integer',
  'limit is a maximum number of responses to return for a list call. If more items exist, the server sets the continue field on the list metadata.');
const RESOURCE_VERSION = query('resourceVersion', 'string',
  'resourceVersion sets a constraint on what resource versions a request may be served from. Defaults to unset.');
const RESOURCE_VERSION_MATCH = query('resourceVersionMatch', 'string',
  'resourceVersionMatch determines how resourceVersion is applied to list calls. Defaults to unset.');
const SEND_INITIAL_EVENTS = query('sendInitialEvents', 'boolean',
  'sendInitialEvents=true may be set together with watch=true: the watch stream begins with synthetic events for the current state of the objects.');
const TIMEOUT_SECONDS = query('timeoutSeconds', 'integer',
  'Timeout for the list/watch call, regardless of any activity or inactivity.');
const WATCH = query('watch', 'boolean',
  'Watch for changes to the described resources and return them as a stream of add, update, and remove notifications.');

/** GET of a collection (list or watch). */
export const LIST_PARAMS = [
  ALLOW_WATCH_BOOKMARKS, CONTINUE, FIELD_SELECTOR, LABEL_SELECTOR, LIMIT,
  RESOURCE_VERSION, RESOURCE_VERSION_MATCH, SEND_INITIAL_EVENTS, TIMEOUT_SECONDS, WATCH,
];
/** POST and PUT. */
export const WRITE_PARAMS = [DRY_RUN, FIELD_MANAGER, FIELD_VALIDATION];
/** PATCH. */
export const PATCH_PARAMS = [DRY_RUN, FIELD_MANAGER_PATCH, FIELD_VALIDATION, FORCE];
/** DELETE of one object. */
export const DELETE_PARAMS = [DRY_RUN, GRACE_PERIOD, IGNORE_STORE_READ_ERROR, ORPHAN_DEPENDENTS, PROPAGATION_POLICY];
/** DELETE of a collection. */
export const DELETE_COLLECTION_PARAMS = [
  CONTINUE, DRY_RUN, FIELD_SELECTOR, GRACE_PERIOD, IGNORE_STORE_READ_ERROR, LABEL_SELECTOR, LIMIT,
  ORPHAN_DEPENDENTS, PROPAGATION_POLICY, RESOURCE_VERSION, RESOURCE_VERSION_MATCH, SEND_INITIAL_EVENTS, TIMEOUT_SECONDS,
];
/** GET of pods/log. */
export const LOG_PARAMS = [
  query('container', 'string', 'The container for which to stream logs. Defaults to only container if there is one container in the pod.'),
  query('follow', 'boolean', 'Follow the log stream of the pod. Defaults to false.'),
  query('insecureSkipTLSVerifyBackend', 'boolean', "Skip verifying the serving certificate of the backend (kubelet). Defaults to false."),
  query('limitBytes', 'integer', 'If set, the number of bytes to read from the server before terminating the log output.'),
  query('previous', 'boolean', 'Return previous terminated container logs. Defaults to false.'),
  query('sinceSeconds', 'integer', 'A relative time in seconds before the current time from which to show logs.'),
  query('stream', 'string', 'Specify which container log stream to return to the client: All, Stdout or Stderr. Defaults to All.'),
  query('tailLines', 'integer', 'If set, the number of lines from the end of the logs to show.'),
  query('timestamps', 'boolean', 'If true, add an RFC3339 timestamp at the beginning of every line of log output. Defaults to false.'),
];
