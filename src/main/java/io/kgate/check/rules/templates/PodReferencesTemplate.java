package io.kgate.check.rules.templates;

import io.kgate.check.rules.ParamSchema;
import io.kgate.check.rules.Reads;
import io.kgate.check.rules.RuleContext;
import io.kgate.check.rules.Template;
import io.kgate.model.JsonPointer;
import io.kgate.model.MapNode;
import io.kgate.model.ObjectSources;
import io.kgate.model.PodTemplate;

/**
 * The objects a pod names exist: ConfigMaps and Secrets of env, envFrom and volumes, claims, the
 * service account and image pull Secrets, unless optional or provided some other way (see
 * {@link ObjectSources}).
 */
public final class PodReferencesTemplate implements Template<ParamSchema.None> {
    private static final String NOT_STARTED = "the container does not start (CreateContainerConfigError)";
    private static final String NOT_MOUNTED = "the pod stays in ContainerCreating (FailedMount)";

    @Override
    public String name() {
        return "pod-references";
    }

    @Override
    public ParamSchema<ParamSchema.None> params() {
        return ParamSchema.none();
    }

    @Override
    public Reads reads() {
        return Reads.fields(PodTemplate.specFields("serviceAccountName", "serviceAccount", "imagePullSecrets", "volumes",
                "containers/*/name", "containers/*/env", "containers/*/envFrom", "initContainers/*/name",
                "initContainers/*/env", "initContainers/*/envFrom"));
    }

    @Override
    public void run(RuleContext<ParamSchema.None> ctx) {
        for (PodTemplate pod : ctx.graph().pods()) {
            new PodRefs(ctx, pod).check();
        }
    }

    /** The references of one pod template. */
    private record PodRefs(RuleContext<?> ctx, PodTemplate pod) {
        void check() {
            MapNode spec = pod.spec();
            String sp = pod.specPointer();
            String saKey = spec.get("serviceAccountName") != null ? "serviceAccountName" : "serviceAccount";
            ref("ServiceAccount", JsonPointer.child(sp, saKey), spec.string(saKey), false,
                    "no pod is created (error looking up service account)", saKey);
            Fields.eachMap(spec, sp, "imagePullSecrets", (ptr, m) -> ref("Secret", ptr + "/name", m.string("name"),
                    false, "pulls from a private registry fail (ImagePullBackOff)", "imagePullSecrets"));
            Fields.eachMap(spec, sp, "volumes", this::volume);
            for (PodTemplate.Container c : pod.allContainers()) {
                Fields.eachMap(c.node(), c.pointer(), "env", (ptr, env) -> {
                    MapNode valueFrom = env.map("valueFrom"); // most variables have a value, not a reference
                    if (valueFrom != null) {
                        keyRef(c, ptr + "/valueFrom", valueFrom, "configMapKeyRef", "ConfigMap");
                        keyRef(c, ptr + "/valueFrom", valueFrom, "secretKeyRef", "Secret");
                    }
                });
                Fields.eachMap(c.node(), c.pointer(), "envFrom", (ptr, from) -> {
                    whole(c, ptr, from, "configMapRef", "ConfigMap");
                    whole(c, ptr, from, "secretRef", "Secret");
                });
            }
        }

        private void volume(String ptr, MapNode v) {
            String what = "volume " + Fields.show(v.get("name"));
            if (v.map("configMap") != null) {
                MapNode m = v.map("configMap");
                items("ConfigMap", ptr + "/configMap", m, ref("ConfigMap", ptr + "/configMap/name", m.string("name"),
                        optional(m), NOT_MOUNTED, what), what);
            }
            if (v.map("secret") != null) {
                MapNode m = v.map("secret");
                items("Secret", ptr + "/secret", m, ref("Secret", ptr + "/secret/secretName", m.string("secretName"),
                        optional(m), NOT_MOUNTED, what), what);
            }
            if (v.map("persistentVolumeClaim") != null) {
                ref("PersistentVolumeClaim", ptr + "/persistentVolumeClaim/claimName",
                        v.map("persistentVolumeClaim").string("claimName"), false,
                        "the pod stays Pending (persistentvolumeclaim not found)", what);
            }
            MapNode projected = v.map("projected");
            if (projected != null) {
                Fields.eachMap(projected, ptr + "/projected", "sources", (sp, source) -> {
                    for (String kind : new String[] {"ConfigMap", "Secret"}) {
                        String key = kind.equals("ConfigMap") ? "configMap" : "secret";
                        MapNode m = source.map(key);
                        if (m != null) {
                            items(kind, sp + "/" + key, m, ref(kind, sp + "/" + key + "/name", m.string("name"),
                                    optional(m), NOT_MOUNTED, what), what);
                        }
                    }
                });
            }
        }

        /** A volume source's items: each key must be in the object, when its keys are known. */
        private void items(String kind, String ptr, MapNode source, ObjectSources.Source src, String what) {
            if (src == null || src.keys() == null || optional(source)) {
                return;
            }
            Fields.eachMap(source, ptr, "items", (ip, item) -> {
                String key = item.string("key");
                if (key != null && !src.keys().contains(key)) {
                    ctx.report(pod.owner(), ip + "/key", what + " of " + pod.owner().ref().display() + " mounts key "
                            + key + " of " + kind + " " + (source.string("name") != null ? source.string("name")
                                    : source.string("secretName")) + ", which has no such key (keys: "
                            + Fields.list(src.keys().stream().toList()) + "; from " + src.how() + "): " + NOT_MOUNTED
                            + "; fix the key, or mark the source optional: true");
                }
            });
        }

        /**
         * configMapKeyRef / secretKeyRef ({@code refKey} of a variable's valueFrom): the object, and the key
         * when the object's keys are known.
         */
        private void keyRef(PodTemplate.Container c, String valueFromPtr, MapNode valueFrom, String refKey, String kind) {
            MapNode m = valueFrom.map(refKey);
            if (m == null || optional(m)) {
                return;
            }
            String ptr = valueFromPtr + "/" + refKey;
            String name = m.string("name");
            ObjectSources.Source src = ref(kind, ptr + "/name", name, false, NOT_STARTED, "env of " + c.display());
            String key = m.string("key");
            if (src != null && src.keys() != null && key != null && !src.keys().contains(key)) {
                ctx.report(pod.owner(), ptr + "/key", "env of " + c.display() + " reads key " + key + " of " + kind
                        + " " + name + ", which has no such key (keys: " + Fields.list(src.keys().stream().toList())
                        + "; from " + src.how() + "): " + NOT_STARTED + "; fix the key, or mark it optional: true");
            }
        }

        /** configMapRef / secretRef ({@code refKey}) of an envFrom entry: the whole object. */
        private void whole(PodTemplate.Container c, String fromPtr, MapNode from, String refKey, String kind) {
            MapNode m = from.map(refKey);
            if (m != null) {
                ref(kind, fromPtr + "/" + refKey + "/name", m.string("name"), optional(m), NOT_STARTED,
                        "envFrom of " + c.display());
            }
        }

        /** Reports {@code kind name} when nothing provides it; returns what does, or null. */
        private ObjectSources.Source ref(String kind, String ptr, String name, boolean optional, String effect,
                String what) {
            if (name == null || name.isEmpty() || optional) {
                return null;
            }
            String ns = pod.owner().namespace();
            ObjectSources.Source src = ctx.sources().find(kind, ns, name);
            if (src == null) {
                String whose = what.contains(" of ") ? what : what + " of " + pod.owner().ref().display();
                ctx.report(pod.owner(), ptr, whose + " names " + kind + " " + name + ", but there is "
                        + ctx.sources().notFound(kind, ns, name) + ": " + effect + "; add it, fix the name"
                        + (kind.equals("ConfigMap") || kind.equals("Secret") ? ", mark it optional: true" : "")
                        + " or list it under external: in .kgate.yaml");
            }
            return src;
        }

        private static boolean optional(MapNode m) {
            return Fields.isTrue(m.get("optional"));
        }
    }
}
