package io.kgate.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinTask;
import java.util.function.Function;

/**
 * The whole tree as linked objects, whatever file or directory they came from: indexes by kind,
 * namespace and name, and labels, plus the links rules follow (Service to Endpoints and
 * EndpointSlices, Ingress to Services, Service to the workloads it selects).
 *
 * <p>Namespaces: an object without {@code metadata.namespace} gets one when applied (kustomize's
 * {@code namespace:}, or {@code kubectl -n}), so it is linked with objects of any namespace.
 */
public final class ObjectGraph {
    /** The label that ties an EndpointSlice to its Service. */
    public static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";
    private static final String SERVICE_NAME_POINTER = JsonPointer.child("/metadata/labels", SERVICE_NAME_LABEL);

    /**
     * One backend of an Ingress naming a Service: where it is written and what it names. Its port is
     * read from the Ingress when asked, not held: the graph keeps every backend of the tree for the
     * whole tree pass.
     */
    public record IngressBackend(KubeObject ingress, String pointer, String serviceName) {
        public IngressBackend {
            pointer = JsonPointer.shared(pointer);
        }

        public String portPointer() {
            return pointer + "/port";
        }

        /** The backend's {@code port} (number or name), null when it has none. */
        public Node port() {
            return ingress.at(portPointer());
        }
    }

    /**
     * What building the graph reads of each object besides identity and labels: the pod templates'
     * labels and shape ({@link RetainedFields} syntax).
     */
    public static final List<String> READS = List.of("/spec/template/metadata/labels", "/spec/template/spec/",
            "/spec/jobTemplate/spec/template/metadata/labels", "/spec/jobTemplate/spec/template/spec/",
            "Pod:/spec/", "HorizontalPodAutoscaler:/spec");

    private final List<KubeObject> objects;
    /** {@link #ingressBackends()}, built on first use. */
    private List<IngressBackend> ingressBackends;
    /** Workload to the autoscaler that scales it, built on first use. */
    private Map<KubeObject, KubeObject> autoscalers;

    /**
     * The lookups, built on the first question that needs them: a rule that only reads the object
     * itself (every per-object rule, on a graph of one) never pays for them.
     */
    private static final class Index {
        // the lookups by identity hold no keys: an object's key is read from the object itself
        final Buckets<KubeObject> byKind = new Buckets<>(
                (o, a, b, c) -> Objects.equals(a, Objects.requireNonNullElse(o.kind(), "")) && b == null && c == null);
        final Buckets<KubeObject> byKindAndName = new Buckets<>(
                (o, a, b, c) -> Objects.equals(o.kind(), a) && Objects.equals(o.name(), b) && c == null);
        /** kind + namespace ("" for objects without one) + name: a name is looked up per finding. */
        final Buckets<KubeObject> byKindNamespaceAndName = new Buckets<>((o, a, b, c) -> Objects.equals(o.kind(), a)
                && Objects.equals(Objects.requireNonNullElse(o.namespace(), ""), b) && Objects.equals(o.name(), c));
        /** kind + namespace ("" for objects without one); lookups merge a namespace with the unset one. */
        final Buckets<KubeObject> byKindAndNamespace = new Buckets<>(
                (o, a, b, c) -> Objects.equals(a, Objects.requireNonNullElse(o.kind(), ""))
                        && Objects.equals(b, Objects.requireNonNullElse(o.namespace(), "")) && c == null);
        /**
         * kind + the value of label {@link #SERVICE_NAME_LABEL}: EndpointSlices by their Service, the one
         * label objects are looked up by (every label of every object was a large tree's largest lookup).
         */
        final Buckets<KubeObject> byKindAndServiceName = new Buckets<>();
        final TreeOrder order;
        final List<PodTemplate> pods = new ArrayList<>();
        final Map<KubeObject, PodTemplate> podOf = new IdentityHashMap<>();
        /** Pod labels, read once: selectors are matched against them many times. */
        final Map<PodTemplate, Map<String, String>> podLabels = new IdentityHashMap<>();
        final Buckets<PodTemplate> podsByNamespace = new Buckets<>();
        /**
         * Pods by one label: namespace ("" when unset) + key + value, and key + value in any namespace.
         * Only the label's key is held: a pod has one namespace and one value per label key, so the
         * first pod of a slot tells the rest ({@link #podLabels}, filled first). The key alone is not
         * enough to tell from the pod: a pod with labels a=x and b=x is under two keys that may share
         * a slot's hash. (Two of their three key arrays were 1.9 MB at 100,000 documents.)
         */
        final Buckets<PodTemplate> podsByNamespaceAndLabel = new Buckets<>(
                (p, a, b, c) -> Objects.equals(a, Objects.requireNonNullElse(p.owner().namespace(), ""))
                        && c != null && c.equals(labelValue(podLabels.get(p), b)), true);
        final Buckets<PodTemplate> podsByLabel = new Buckets<>(
                (p, a, b, c) -> a == null && c != null && c.equals(labelValue(podLabels.get(p), b)), true);

        /** What the lookups read of one object (decoded from a packed tree: the part worth splitting). */
        private record Read(KubeObject object, String serviceName, PodTemplate pod, Map<String, String> podLabels) {
            static Read of(KubeObject o) {
                PodTemplate p = PodTemplate.of(o);
                // that one label read, not every label decoded
                Node service = o.at(SERVICE_NAME_POINTER);
                return new Read(o, service == null ? null : service.text(), p, p == null ? null : p.labels());
            }
        }

        /** Objects per task when the reads run in parallel: enough to outweigh a task's cost. */
        private static final int CHUNK = 2048;

        /**
         * The objects are read in chunks on the run's threads ({@link Parallel#inOrder}; one chunk, as
         * for one object's graph in the file pass, is read here), then put in the maps in the tree's order:
         * the order and the lookups by kind on one thread, those by name on another, those by label and the
         * pods' on a third (no map is in two).
         */
        Index(List<KubeObject> objects) {
            order = new TreeOrder(objects.size());
            List<Callable<List<Read>>> reading = new ArrayList<>();
            for (int from = 0; from < objects.size(); from += CHUNK) {
                List<KubeObject> chunk = objects.subList(from, Math.min(objects.size(), from + CHUNK));
                reading.add(() -> chunk.stream().map(Read::of).toList());
            }
            // a few chunks per round: what is read and not yet put in the lookups stays small
            int round = 4 * Math.max(1, ForkJoinTask.inForkJoinPool() ? ForkJoinTask.getPool().getParallelism() : 1);
            for (int from = 0; from < reading.size(); from += round) {
                List<List<Read>> reads = Parallel.inOrder(reading.subList(from, Math.min(reading.size(), from + round)));
                if (reading.size() == 1) {
                    // a small graph (a file's, in the file pass): no task to hand the maps to
                    reads.forEach(chunk -> chunk.forEach(r -> {
                        addIdentity(r);
                        addLabelsAndPod(r);
                    }));
                    continue;
                }
                Parallel.inOrder(List.<Callable<Void>>of(() -> {
                    reads.forEach(chunk -> chunk.forEach(this::addOrderAndKind));
                    return null;
                }, () -> {
                    reads.forEach(chunk -> chunk.forEach(this::addName));
                    return null;
                }, () -> {
                    reads.forEach(chunk -> chunk.forEach(this::addLabelsAndPod));
                    return null;
                }));
            }
            List.of(byKind, byKindAndName, byKindNamespaceAndName, byKindAndNamespace, byKindAndServiceName)
                    .forEach(Buckets::trim);
            List.of(podsByNamespace, podsByNamespaceAndLabel, podsByLabel).forEach(Buckets::trim);
        }

        /** The value of label {@code key} (null for none); an immutable map throws when asked for a null key. */
        private static String labelValue(Map<String, String> labels, String key) {
            if (key != null) {
                return labels.get(key);
            }
            for (Map.Entry<String, String> l : labels.entrySet()) {
                if (l.getKey() == null) {
                    return l.getValue();
                }
            }
            return null;
        }

        private void addIdentity(Read r) {
            addOrderAndKind(r);
            addName(r);
        }

        private void addOrderAndKind(Read r) {
            KubeObject o = r.object;
            String kind = Objects.requireNonNullElse(o.kind(), "");
            order.add(o);
            byKind.add(kind, o);
            byKindAndNamespace.add(kind, Objects.requireNonNullElse(o.namespace(), ""), null, o);
        }

        private void addName(Read r) {
            KubeObject o = r.object;
            byKindAndName.add(o.kind(), o.name(), null, o);
            byKindNamespaceAndName.add(o.kind(), Objects.requireNonNullElse(o.namespace(), ""), o.name(), o);
        }

        private void addLabelsAndPod(Read r) {
            KubeObject o = r.object;
            String kind = Objects.requireNonNullElse(o.kind(), "");
            if (r.serviceName != null) {
                byKindAndServiceName.add(kind, r.serviceName, null, o);
            }
            String namespace = Objects.requireNonNullElse(o.namespace(), "");
            PodTemplate p = r.pod;
            if (p != null) {
                pods.add(p);
                podOf.put(o, p);
                // only asked by key (selectors): an immutable copy is an array, not a hash entry per label
                podLabels.put(p, r.podLabels.containsKey(null) ? r.podLabels : Map.copyOf(r.podLabels));
                podsByNamespace.add(namespace, p);
                for (Map.Entry<String, String> l : r.podLabels.entrySet()) {
                    podsByLabel.add(null, l.getKey(), l.getValue(), p);
                    podsByNamespaceAndLabel.add(namespace, l.getKey(), l.getValue(), p);
                }
            }
        }
    }

    /**
     * Each object's place in the graph, by identity: a number per object in one array, not a boxed
     * Integer and a map entry (a large graph holds 100,000 of them for a whole tree pass).
     */
    private static final class TreeOrder {
        private final KubeObject[] objects;
        private final int[] places;
        private int size;

        TreeOrder(int count) {
            int capacity = Integer.highestOneBit(Math.max(count, 4) * 2 - 1) << 1;
            objects = new KubeObject[capacity];
            places = new int[capacity];
        }

        /** The next object in the graph's order; an object added again keeps its first place. */
        void add(KubeObject o) {
            int i = slot(o);
            if (objects[i] == null) {
                objects[i] = o;
                places[i] = size++;
            }
        }

        /** The object's place; -1 for one not in the graph. */
        int of(KubeObject o) {
            int i = slot(o);
            return objects[i] == null ? -1 : places[i];
        }

        private int slot(KubeObject o) {
            int mask = objects.length - 1;
            int h = System.identityHashCode(o);
            int i = (h ^ (h >>> 16)) & mask;
            while (objects[i] != null && objects[i] != o) {
                i = (i + 1) & mask;
            }
            return i;
        }
    }

    /**
     * A lookup of a key of up to three strings (kind, name or namespace, label...) to several values,
     * compact for a key of one value (most keys: a name, a label value): the value itself, not a list
     * of it. Keys and values sit in parallel arrays (open addressing), not in a key object and a hash
     * entry each: a large tree's lookups hold hundreds of thousands of keys, and every object held is
     * work for each complete collection. When the key can be read from a value ({@link KeyOf}), no key
     * is held (or only its second part): the key arrays of the two lookups by name were 6.3 of the 30 MB
     * a 100,000-document graph held, two of the three of the lookups of pods by label 1.9 more.
     */
    private static final class Buckets<V> {
        /** Whether {@code value} is under key (a, b, c): for a lookup whose keys are read from its values. */
        interface KeyOf<V> {
            boolean is(V value, String a, String b, String c);
        }

        /** The values of a key that has more than one. */
        private static final class Many extends ArrayList<Object> {
        }

        private static final String[] NO_KEYS = {};
        private static final int[] NO_HASHES = {};
        private static final Object[] NO_VALUES = {};

        // allocated on the first key: a small graph (a file's, in the file pass) fills few of its lookups
        private String[] first = NO_KEYS;
        private String[] second = NO_KEYS;
        private String[] third = NO_KEYS;
        private int[] hashes = NO_HASHES;
        /** Null for an empty slot; a value, or {@link Many} of them. */
        private Object[] values = NO_VALUES;
        private int size;
        /** Null when the keys are held in {@link #first}, {@link #second} and {@link #third}. */
        private final KeyOf<V> keyOf;
        /** Whether {@link #second} is held: always without {@link #keyOf}; with it, when asked (it must match too). */
        private final boolean holdsSecond;

        Buckets() {
            this(null, false);
        }

        Buckets(KeyOf<V> keyOf) {
            this(keyOf, false);
        }

        Buckets(KeyOf<V> keyOf, boolean holdsSecond) {
            this.keyOf = keyOf;
            this.holdsSecond = keyOf == null || holdsSecond;
        }

        void add(String key, V value) {
            add(key, null, null, value);
        }

        void add(String a, String b, String c, V value) {
            if (2 * (size + 1) > values.length) {
                grow();
            }
            int hash = hash(a, b, c);
            int i = slot(hash, a, b, c);
            Object was = values[i];
            if (was == null) {
                if (keyOf == null) {
                    first[i] = a;
                    third[i] = c;
                }
                if (holdsSecond) {
                    second[i] = b;
                }
                hashes[i] = hash;
                values[i] = value;
                size++;
            } else if (was instanceof Many many) {
                many.add(value);
            } else {
                Many many = new Many();
                many.add(was);
                many.add(value);
                values[i] = many;
            }
        }

        List<V> get(String key) {
            return get(key, null, null);
        }

        /** The values of the key in the order added; unmodifiable, empty for an unknown key. */
        @SuppressWarnings("unchecked")
        List<V> get(String a, String b, String c) {
            if (size == 0) {
                return List.of();
            }
            Object v = values[slot(hash(a, b, c), a, b, c)];
            if (v == null) {
                return List.of();
            }
            return v instanceof Many many ? (List<V>) Collections.unmodifiableList(many) : List.of((V) v);
        }

        void trim() {
            for (Object v : values) {
                if (v instanceof Many many) {
                    many.trimToSize();
                }
            }
        }

        private static int hash(String a, String b, String c) {
            int h = (Objects.hashCode(a) * 31 + Objects.hashCode(b)) * 31 + Objects.hashCode(c);
            return h ^ (h >>> 16);
        }

        /** The slot holding the key, or the empty one where it belongs. */
        private int slot(int hash, String a, String b, String c) {
            int mask = values.length - 1;
            int i = hash & mask;
            while (values[i] != null && !(hashes[i] == hash && holds(i, a, b, c))) {
                i = (i + 1) & mask;
            }
            return i;
        }

        /** Whether the values in slot {@code i} (not empty) are under key (a, b, c). */
        @SuppressWarnings("unchecked")
        private boolean holds(int i, String a, String b, String c) {
            if (keyOf == null) {
                return Objects.equals(first[i], a) && Objects.equals(second[i], b) && Objects.equals(third[i], c);
            }
            if (holdsSecond && !Objects.equals(second[i], b)) {
                return false;
            }
            // every value of a slot is under the same key: its first one tells
            Object v = values[i];
            return keyOf.is((V) (v instanceof Many many ? many.getFirst() : v), a, b, c);
        }

        private void grow() {
            String[] a = first;
            String[] b = second;
            String[] c = third;
            int[] h = hashes;
            Object[] v = values;
            int capacity = Math.max(16, 2 * v.length);
            if (keyOf == null) {
                first = new String[capacity];
                third = new String[capacity];
            }
            if (holdsSecond) {
                second = new String[capacity];
            }
            hashes = new int[capacity];
            values = new Object[capacity];
            for (int j = 0; j < v.length; j++) {
                if (v[j] != null) {
                    int i = h[j] & (capacity - 1);
                    while (values[i] != null) {
                        i = (i + 1) & (capacity - 1);
                    }
                    if (keyOf == null) {
                        first[i] = a[j];
                        third[i] = c[j];
                    }
                    if (holdsSecond) {
                        second[i] = b[j];
                    }
                    hashes[i] = h[j];
                    values[i] = v[j];
                }
            }
        }
    }

    private Index index;
    /** {@link #onlyPod()}: null until read, {@link #NO_POD} when the object runs no pods. */
    private Object onlyPod;
    private static final Object NO_POD = new Object();
    /** {@link #podsSelectedBy(KubeObject)} by namespace and selector, for the rules on several threads. */
    private final Map<List<Object>, List<PodTemplate>> selectedByService = new ConcurrentHashMap<>();

    private synchronized Index index() {
        if (index == null) {
            index = new Index(objects);
        }
        return index;
    }

    private ObjectGraph(List<KubeObject> objects) {
        this.objects = List.copyOf(objects);
    }

    /**
     * Builds the lookups now, on the run's threads ({@link Parallel#inOrder}): before the rules that
     * share this graph start, as a rule that built them on first use would hold the others waiting.
     */
    public ObjectGraph indexed() {
        index();
        return this;
    }

    public static ObjectGraph of(List<KubeObject> objects) {
        return new ObjectGraph(objects);
    }

    public List<KubeObject> all() {
        return objects;
    }

    public List<KubeObject> ofKind(String kind) {
        if (objects.size() == 1) {
            // a per-object rule's graph of one: no lookups to build (they were 4 KB per object)
            return Objects.equals(kind, Objects.requireNonNullElse(objects.getFirst().kind(), "")) ? objects : List.of();
        }
        return index().byKind.get(kind);
    }

    /** Same namespace, counting an unset namespace as "whichever it is applied to". */
    public static boolean sameNamespace(String a, String b) {
        return a == null || b == null || a.equals(b);
    }

    /**
     * How a finding about another object names {@code o}: "Service website/backend", and when the tree
     * defines that object more than once, which definition is meant ("Service website/backend (the
     * definition at k8s/a.yaml:4)").
     */
    public String display(KubeObject o) {
        long definitions = named(o.kind(), o.namespace(), o.name()).stream()
                .filter(x -> Objects.equals(x.namespace(), o.namespace()) && x.ref().group().equals(o.ref().group()))
                .count();
        String shown = o.ref().display();
        return definitions < 2 ? shown
                : shown + " (the definition at " + o.file().displayName() + ":" + o.positionOf("/metadata/name").line() + ")";
    }

    /** Objects of {@code kind} named {@code name} in (a namespace compatible with) {@code namespace}. */
    public List<KubeObject> named(String kind, String namespace, String name) {
        if (name == null) {
            return new ArrayList<>();
        }
        Index ix = index();
        if (namespace == null) {
            return new ArrayList<>(ix.byKindAndName.get(kind, name, null));
        }
        // that namespace and the objects without one, looked up: not a scan of every object of the name
        List<KubeObject> unset = ix.byKindNamespaceAndName.get(kind, "", name);
        if (namespace.isEmpty()) {
            return new ArrayList<>(unset);
        }
        return new ArrayList<>(withUnset(ix.byKindNamespaceAndName.get(kind, namespace, name),
                unset, o -> o));
    }

    /** Objects of {@code kind} in a namespace compatible with {@code namespace}. */
    public List<KubeObject> inNamespace(String kind, String namespace) {
        if (namespace == null || namespace.isEmpty()) {
            return ofKind(kind);
        }
        return withUnset(index().byKindAndNamespace.get(kind, namespace, null),
                index().byKindAndNamespace.get(kind, "", null), o -> o);
    }

    /** Objects of {@code kind} named {@code name} (null: without a name), whatever their namespace. */
    public List<KubeObject> namedInAnyNamespace(String kind, String name) {
        List<KubeObject> out = new ArrayList<>();
        for (KubeObject o : index().byKindAndName.get(kind, name, null)) {
            if (Objects.equals(o.name(), name)) {
                out.add(o);
            }
        }
        return out;
    }

    /**
     * Objects of {@code kind} named {@code name} in any namespace, together with every object of
     * {@code kind} in a namespace compatible with {@code namespace}; in tree order, each once. Looked
     * up, not scanned: a rule asks this once per object of a large tree.
     */
    public List<KubeObject> namedAnywhereOrIn(String kind, String name, String namespace) {
        List<KubeObject> around = inNamespace(kind, namespace);
        if (namespace == null || namespace.isEmpty()) {
            return around; // every object of the kind
        }
        Set<KubeObject> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.addAll(around);
        List<KubeObject> out = new ArrayList<>(around);
        for (KubeObject o : namedInAnyNamespace(kind, name)) {
            if (seen.add(o)) {
                out.add(o);
            }
        }
        if (out.size() > around.size()) {
            TreeOrder order = index().order;
            out.sort(Comparator.comparingInt(order::of));
        }
        return out;
    }

    /**
     * The objects of one namespace plus those without a namespace (they may be applied to any),
     * in tree order whatever bucket they came from.
     */
    private <T> List<T> withUnset(List<T> same, List<T> unset, Function<T, KubeObject> owner) {
        if (unset.isEmpty()) {
            return same;
        }
        List<T> out = new ArrayList<>(same);
        out.addAll(unset);
        TreeOrder order = index().order;
        out.sort(Comparator.comparingInt(t -> order.of(owner.apply(t))));
        return out;
    }

    /** Objects of {@code kind} labelled {@link #SERVICE_NAME_LABEL}: {@code service}, in a compatible namespace. */
    public List<KubeObject> labelledForService(String kind, String namespace, String service) {
        return index().byKindAndServiceName.get(kind, service, null).stream()
                .filter(o -> sameNamespace(namespace, o.namespace())).toList();
    }

    /** Every object that runs pods, with its pod template, in tree order. */
    public List<PodTemplate> pods() {
        if (objects.size() == 1) {
            // a per-object rule's graph of one: its pod template without building every lookup
            PodTemplate p = onlyPod();
            return p == null ? List.of() : List.of(p);
        }
        return Collections.unmodifiableList(index().pods);
    }

    public PodTemplate podOf(KubeObject o) {
        if (objects.size() == 1) {
            return objects.getFirst() == o ? onlyPod() : null;
        }
        return index().podOf.get(o);
    }

    /** The pod template of a graph of one object, read once for the per-object rules that ask for it. */
    private PodTemplate onlyPod() {
        Object p = onlyPod;
        if (p == null) {
            p = Objects.requireNonNullElse(PodTemplate.of(objects.getFirst()), NO_POD);
            onlyPod = p; // a race reads it twice: the same immutable answer
        }
        return p == NO_POD ? null : (PodTemplate) p;
    }

    /** The Endpoints of the same name and the EndpointSlices labelled for {@code service}. */
    public List<KubeObject> endpointsOf(KubeObject service) {
        List<KubeObject> out = new ArrayList<>(named("Endpoints", service.namespace(), service.name()));
        if (service.name() != null) {
            out.addAll(labelledForService("EndpointSlice", service.namespace(), service.name()));
        }
        return out;
    }

    /** The Service selector ({@code spec.selector}); empty when the Service has none. */
    public static Map<String, String> serviceSelector(KubeObject service) {
        return Labels.of(service.at("/spec/selector")); // of a packed Service, the selector alone is decoded
    }

    /** Pod owners in a namespace compatible with {@code namespace}, in tree order. */
    public List<PodTemplate> podsIn(String namespace) {
        if (namespace == null || namespace.isEmpty()) {
            return pods();
        }
        Index ix = index();
        return withUnset(ix.podsByNamespace.get(namespace), ix.podsByNamespace.get(""),
                PodTemplate::owner);
    }

    /** Pod owners whose pod labels a Service selects, in compatible namespaces; none without a selector. */
    public List<PodTemplate> podsSelectedBy(KubeObject service) {
        Map<String, String> sel = serviceSelector(service);
        if (sel.isEmpty()) {
            return List.of();
        }
        // Services often share a selector (one per port, per protocol, per Ingress): matched once
        List<Object> key = List.of(Objects.requireNonNullElse(service.namespace(), ""), sel);
        List<PodTemplate> pods = selectedByService.get(key);
        if (pods == null) {
            pods = Collections.unmodifiableList(podsSelectedBy(service.namespace(), LabelSelector.equality(sel)));
            selectedByService.putIfAbsent(key, pods);
        }
        return pods;
    }

    /**
     * Pod owners in a namespace compatible with {@code namespace} whose pod labels {@code selector}
     * matches (an empty selector matches all of them), in tree order.
     */
    public List<PodTemplate> podsSelectedBy(String namespace, LabelSelector selector) {
        List<PodTemplate> out = new ArrayList<>();
        // only pods carrying every label of the selector can match: the pods of its rarest label are
        // a lookup, not a scan of the namespace (a label most pods carry, like a tier, would be one)
        List<PodTemplate> candidates = null;
        if (selector.matchLabels().isEmpty()) {
            candidates = podsIn(namespace);
        } else {
            for (Map.Entry<String, String> label : selector.matchLabels().entrySet()) {
                List<PodTemplate> carrying = podsCarrying(namespace, label.getKey(), label.getValue());
                if (candidates == null || carrying.size() < candidates.size()) {
                    candidates = carrying;
                }
            }
        }
        for (PodTemplate p : candidates) {
            if (selector.matches(index().podLabels.get(p))) {
                out.add(p);
            }
        }
        return out;
    }

    /** Pod owners in a namespace compatible with {@code namespace} whose pods carry label {@code key}: {@code value}. */
    private List<PodTemplate> podsCarrying(String namespace, String key, String value) {
        if (namespace == null || namespace.isEmpty()) {
            return index().podsByLabel.get(null, key, value);
        }
        return withUnset(index().podsByNamespaceAndLabel.get(namespace, key, value),
                index().podsByNamespaceAndLabel.get("", key, value), PodTemplate::owner);
    }

    /** Every Service backend of every Ingress (default backend and rule paths), in tree order. */
    public synchronized List<IngressBackend> ingressBackends() {
        if (ingressBackends == null) {
            List<IngressBackend> out = new ArrayList<>();
            for (KubeObject ing : ofKind("Ingress")) {
                if (ing.at("/spec") instanceof MapNode spec) { // decoded once, then walked as nodes
                    addBackends(out, ing, spec);
                }
            }
            ingressBackends = List.copyOf(out);
        }
        return ingressBackends;
    }

    private static void addBackends(List<IngressBackend> out, KubeObject ing, MapNode spec) {
        addBackend(out, ing, spec, "/defaultBackend");
        if (!(spec.get("rules") instanceof SeqNode rs)) {
            return;
        }
        for (int r = 0; r < rs.size(); r++) {
            String paths = "/rules/" + r + "/http/paths";
            if (spec.at(paths) instanceof SeqNode ps) {
                for (int p = 0; p < ps.size(); p++) {
                    addBackend(out, ing, spec, paths + "/" + p + "/backend");
                }
            }
        }
    }

    /** The backend at {@code backend} below the Ingress's spec, when it names a Service. */
    private static void addBackend(List<IngressBackend> out, KubeObject ing, MapNode spec, String backend) {
        if (spec.at(backend + "/service") instanceof MapNode m) {
            out.add(new IngressBackend(ing, "/spec" + backend + "/service", m.string("name")));
        }
    }

    /** A Service an Ingress routes to, with the first backend naming it. */
    public record RoutedService(KubeObject service, IngressBackend backend) {
    }

    /**
     * Services an Ingress routes to, each once (by identity) with the first backend naming it, in the
     * order of the backends: a rule that reports the first route of each workload reports the same one
     * at every run (an identity map's order is not).
     */
    public List<RoutedService> servicesBehindIngresses() {
        Set<KubeObject> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<RoutedService> out = new ArrayList<>();
        for (IngressBackend b : ingressBackends()) {
            for (KubeObject s : named("Service", b.ingress().namespace(), b.serviceName())) {
                if (seen.add(s)) {
                    out.add(new RoutedService(s, b));
                }
            }
        }
        return out;
    }

    /** The workloads a HorizontalPodAutoscaler's scaleTargetRef names (kind and name, compatible namespace). */
    public List<KubeObject> scaleTargets(KubeObject autoscaler) {
        Node ref = autoscaler.at("/spec/scaleTargetRef");
        if (!(ref instanceof MapNode m) || m.string("kind") == null || m.string("name") == null) {
            return List.of();
        }
        return named(m.string("kind"), autoscaler.namespace(), m.string("name"));
    }

    /** The HorizontalPodAutoscaler that scales {@code workload}, or null (the first, if several do). */
    public synchronized KubeObject autoscalerOf(KubeObject workload) {
        if (autoscalers == null) {
            Map<KubeObject, KubeObject> byTarget = new IdentityHashMap<>();
            for (KubeObject hpa : ofKind("HorizontalPodAutoscaler")) {
                for (KubeObject target : scaleTargets(hpa)) {
                    byTarget.putIfAbsent(target, hpa);
                }
            }
            autoscalers = byTarget;
        }
        return autoscalers.get(workload);
    }

    /**
     * The most pods {@code pod}'s owner may run: its autoscaler's maxReplicas, else
     * {@link PodTemplate#replicas()}.
     */
    public long maxReplicas(PodTemplate pod) {
        KubeObject hpa = autoscalerOf(pod.owner());
        Long max = hpa == null ? null : nonNegative(hpa.at("/spec/maxReplicas"));
        return max != null ? max : pod.replicas();
    }

    /**
     * The fewest pods {@code pod}'s owner may run: its autoscaler's minReplicas (default 1), else
     * {@link PodTemplate#replicas()}.
     */
    public long minReplicas(PodTemplate pod) {
        KubeObject hpa = autoscalerOf(pod.owner());
        if (hpa == null) {
            return pod.replicas();
        }
        Long min = nonNegative(hpa.at("/spec/minReplicas"));
        return min != null ? min : 1;
    }

    private static Long nonNegative(Node n) {
        return n instanceof ScalarNode s && s.value() instanceof Long l && l >= 0 ? l : null;
    }
}
