/**
 * DefaultIngressClass: an Ingress created without a class (no spec.ingressClassName and no
 * kubernetes.io/ingress.class annotation) gets the default one, the newest IngressClass annotated
 * ingressclass.kubernetes.io/is-default-class (by name when two are as new).
 */
import { DEFAULT_INGRESS_CLASS_ANNOTATION } from '../../api/kinds/ingress-class.js';
import { newestDefault } from './newest-default.js';
import type { AdmissionPlugin } from '../context.js';

/** networkingv1beta1.AnnotationIngressClass: the class as Ingresses named it before the field. */
const CLASS_ANNOTATION = 'kubernetes.io/ingress.class';

export const defaultIngressClass: AdmissionPlugin = {
  name: 'DefaultIngressClass',
  admit({ operation, kind, obj, ctx }) {
    if (operation !== 'CREATE' || kind.group !== 'networking.k8s.io' || kind.plural !== 'ingresses') return;
    const spec = (obj.spec ??= {});
    if (spec.ingressClassName != null || obj.metadata.annotations?.[CLASS_ANNOTATION] !== undefined) return;
    const name = newestDefault(ctx, 'ingressclasses', DEFAULT_INGRESS_CLASS_ANNOTATION);
    if (name) spec.ingressClassName = name;
  },
};
