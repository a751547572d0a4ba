/**
 * The authorizer chain kube-apiserver runs for `--authorization-mode=Node,RBAC` as far as a
 * simulated cluster needs it: the superuser group system:masters is allowed everything first (the
 * privileged-groups authorizer, which gives no reason), then RBAC (plugin/pkg/auth/authorizer/rbac):
 * allowed by the first rule that matches, with the binding it came from as the reason; otherwise
 * no opinion (= denied), the reason being the errors met on the way, if any.
 */
import { type RequestAttributes, ruleAllows } from './rule-match.js';
import { type RbacReader, visitRulesFor } from './rule-resolver.js';
import { SYSTEM_MASTERS, type UserInfo } from './user-info.js';

export interface Decision {
  allowed: boolean;
  reason: string;
}

/** utilerrors.NewAggregate(...).Error(): one message as is, several as `[a, b]`. */
function aggregate(errors: string[]): string {
  return errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`;
}

export function authorize(reader: RbacReader, user: UserInfo, attrs: RequestAttributes): Decision {
  if (user.groups.includes(SYSTEM_MASTERS)) return { allowed: true, reason: '' };
  let reason = '';
  const errors: string[] = [];
  let allowed = false;
  visitRulesFor(reader, user, attrs.namespace ?? '', (source, rule, error) => {
    if (rule && ruleAllows(attrs, rule)) {
      allowed = true;
      reason = `RBAC: allowed by ${source}`;
      return false;
    }
    if (error) errors.push(error);
    return true;
  });
  if (allowed) return { allowed, reason };
  return { allowed: false, reason: errors.length > 0 ? `RBAC: ${aggregate(errors)}` : '' };
}
