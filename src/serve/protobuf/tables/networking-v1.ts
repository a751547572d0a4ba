/**
 * Protobuf field table: networking.v1. Field numbers from the generated.proto files of k8s.io/api and k8s.io/apimachinery (v1.32);
 * format: see ../schema-types.ts.
 */
import type { PackageTable } from '../schema-types.js';

export const NETWORKING_V1: PackageTable = {
  pkg: 'networking.v1',
  messages: {
    HTTPIngressPath: '1 path s, 2 backend IngressBackend, 3 pathType s',
    HTTPIngressRuleValue: '1 paths HTTPIngressPath*',
    IPBlock: '1 cidr s, 2 except s*',
    Ingress: '1 metadata meta.v1.ObjectMeta, 2 spec IngressSpec, 3 status IngressStatus',
    IngressBackend: '3 resource core.v1.TypedLocalObjectReference, 4 service IngressServiceBackend',
    IngressClass: '1 metadata meta.v1.ObjectMeta, 2 spec IngressClassSpec',
    IngressClassParametersReference: '1 aPIGroup s, 2 kind s, 3 name s, 4 scope s, 5 namespace s',
    IngressClassSpec: '1 controller s, 2 parameters IngressClassParametersReference',
    IngressLoadBalancerIngress: '1 ip s, 2 hostname s, 4 ports IngressPortStatus*',
    IngressLoadBalancerStatus: '1 ingress IngressLoadBalancerIngress*',
    IngressPortStatus: '1 port i32!, 2 protocol s, 3 error s',
    IngressRule: '1 host s, 2 ~ IngressRuleValue',
    IngressRuleValue: '1 http HTTPIngressRuleValue',
    IngressServiceBackend: '1 name s, 2 port ServiceBackendPort',
    IngressSpec: '1 defaultBackend IngressBackend, 2 tls IngressTLS*, 3 rules IngressRule*, 4 ingressClassName s',
    IngressStatus: '1 loadBalancer IngressLoadBalancerStatus',
    IngressTLS: '1 hosts s*, 2 secretName s',
    NetworkPolicy: '1 metadata meta.v1.ObjectMeta, 2 spec NetworkPolicySpec',
    NetworkPolicyEgressRule: '1 ports NetworkPolicyPort*, 2 to NetworkPolicyPeer*',
    NetworkPolicyIngressRule: '1 ports NetworkPolicyPort*, 2 from NetworkPolicyPeer*',
    NetworkPolicyPeer: '1 podSelector meta.v1.LabelSelector, 2 namespaceSelector meta.v1.LabelSelector, 3 ipBlock IPBlock',
    NetworkPolicyPort: '1 protocol s, 2 port intstr.IntOrString, 3 endPort i32!',
    NetworkPolicySpec: '1 podSelector meta.v1.LabelSelector, 2 ingress NetworkPolicyIngressRule*, ' +
      '3 egress NetworkPolicyEgressRule*, 4 policyTypes s*',
    ServiceBackendPort: '1 name s, 2 number i32',
  },
};
