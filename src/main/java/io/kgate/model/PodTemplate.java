package io.kgate.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pod an object runs: for a Deployment its {@code spec.template}, for a CronJob
 * {@code spec.jobTemplate.spec.template}, for a Pod the Pod itself. Pointers are absolute within
 * the owner, so findings are positioned in the owner's file.
 */
public record PodTemplate(KubeObject owner, String specPointer, String metadataPointer, MapNode spec) {

    public PodTemplate {
        // the graph holds a pod template per workload for the tree pass, and their pointers are few
        specPointer = JsonPointer.shared(specPointer);
        metadataPointer = JsonPointer.shared(metadataPointer);
    }

    /**
     * The pod spec. Of a packed owner ({@link KubeObject#packed}) it is not held but read from the
     * owner when asked, so the graph's list of pods does not hold every decoded tree at once.
     */
    @Override
    public MapNode spec() {
        return spec != null ? spec : owner.at(specPointer).asMap();
    }

    /** One container (or init container) of the pod and where it is written. */
    public record Container(PodTemplate pod, String pointer, MapNode node, boolean init) {
        public String name() {
            String n = node.string("name");
            return n == null ? "#" + JsonPointer.split(pointer).getLast() : n;
        }

        public String image() {
            return node.string("image");
        }

        /** "container nginx of Deployment website/frontend" for messages. */
        public String display() {
            return (init ? "init container " : "container ") + name() + " of " + pod.owner().ref().display();
        }
    }

    /** The pod template's labels (the Pod's own labels for a bare Pod). */
    public Map<String, String> labels() {
        return Labels.of(owner.at(metadataPointer + "/labels"));
    }

    public List<Container> containers() {
        return containers(false);
    }

    public List<Container> initContainers() {
        return containers(true);
    }

    /** Init containers first, then the regular ones. */
    public List<Container> allContainers() {
        List<Container> all = new ArrayList<>(initContainers());
        all.addAll(containers());
        return all;
    }

    private List<Container> containers(boolean init) {
        String key = init ? "initContainers" : "containers";
        SeqNode seq = spec().seq(key);
        List<Container> out = new ArrayList<>();
        if (seq == null) {
            return out;
        }
        for (int i = 0; i < seq.size(); i++) {
            MapNode c = seq.get(i).asMap();
            if (c != null) {
                out.add(new Container(this, containerPointer(specPointer, init, i), c, init));
            }
        }
        return out;
    }

    /** Containers per pod spec whose pointers are made once. */
    private static final int KEPT_POINTERS = 16;
    /** The pod spec pointers of {@link #templatePointer}'s kinds: the only ones whose container pointers are kept. */
    private static final Set<String> SPEC_POINTERS = Set.of("/spec/template/spec", "/spec/jobTemplate/spec/template/spec",
            "/spec", "/template/spec");
    /** By pod spec pointer (of {@link #SPEC_POINTERS}): init containers', then containers' pointers. */
    private static final Map<String, String[][]> CONTAINER_POINTERS = new ConcurrentHashMap<>();

    /**
     * The pointer of container {@code i}: every rule about containers asks for it, for every container of
     * every pod, and a tree has a few distinct ones. A memo of immutable Strings, safe across threads.
     */
    static String containerPointer(String specPointer, boolean init, int i) {
        String key = init ? "initContainers" : "containers";
        if (i >= KEPT_POINTERS || !SPEC_POINTERS.contains(specPointer)) {
            return specPointer + "/" + key + "/" + i; // the memo stays as small as it is
        }
        String[] kept = CONTAINER_POINTERS.computeIfAbsent(specPointer, p -> new String[2][KEPT_POINTERS])[init ? 0 : 1];
        String pointer = kept[i];
        if (pointer == null) {
            pointer = specPointer + "/" + key + "/" + i;
            kept[i] = pointer;
        }
        return pointer;
    }

    /** The volume of this name in the pod spec, or null. */
    public MapNode volume(String name) {
        SeqNode vols = spec().seq("volumes");
        if (vols == null || name == null) {
            return null;
        }
        for (Node v : vols.items()) {
            MapNode m = v.asMap();
            if (m != null && name.equals(m.string("name"))) {
                return m;
            }
        }
        return null;
    }

    /** Whether the owner keeps its pods running (not a Job or CronJob). */
    public boolean longRunning() {
        String k = owner.kind();
        return !"Job".equals(k) && !"CronJob".equals(k);
    }

    /**
     * How many copies of the pod the owner asks for: {@code spec.replicas} (default 1) for
     * replicated kinds, {@code parallelism} for jobs, -1 for a DaemonSet (one per node).
     */
    public long replicas() {
        String k = owner.kind();
        if ("DaemonSet".equals(k)) {
            return -1;
        }
        String pointer = switch (k) {
            case "Job" -> "/spec/parallelism";
            case "CronJob" -> "/spec/jobTemplate/spec/parallelism";
            case "Pod" -> null;
            default -> "/spec/replicas";
        };
        if (pointer == null) {
            return 1;
        }
        Node n = owner.at(pointer);
        if (n instanceof ScalarNode s && s.value() instanceof Long l && l >= 0) {
            return l;
        }
        return 1;
    }

    /**
     * Where an object of {@code kind} holds its pod template ({@code metadata} and {@code spec}):
     * "/spec/template" for a Deployment, "/spec/jobTemplate/spec/template" for a CronJob, "" for a
     * Pod, "/template" for a core PodTemplate; null for kinds without one. The one mapping of kind to
     * pod spec (the pod spec is this + "/spec").
     */
    public static String templatePointer(String kind) {
        if (kind == null) {
            return null;
        }
        return switch (kind) {
            case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job" ->
                "/spec/template";
            case "CronJob" -> "/spec/jobTemplate/spec/template";
            case "Pod" -> "";
            case "PodTemplate" -> "/template";
            default -> null;
        };
    }

    /**
     * The pod template of {@code obj}, or null when it runs no pods (a core PodTemplate only holds one
     * for others to copy) or its spec is malformed.
     */
    public static PodTemplate of(KubeObject obj) {
        String template = templatePointer(obj.kind());
        if (template == null || "PodTemplate".equals(obj.kind())) {
            return null;
        }
        if (obj.packed() && obj.isMapAt(template + "/spec")) {
            return new PodTemplate(obj, template + "/spec", template + "/metadata", null); // read when asked
        }
        Node spec = obj.at(template + "/spec");
        boolean synthetic = false;
        if (spec == null && obj.at(template) instanceof MapNode) {
            synthetic = true;
            // a template with labels but no spec still has pods for selectors to match
            spec = new MapNode(obj.at(template).pos(), java.util.Map.of(), 1);
        }
        if (spec == null || spec.asMap() == null) {
            return null;
        }
        return new PodTemplate(obj, template + "/spec", template + "/metadata",
                obj.packed() && !synthetic ? null : spec.asMap());
    }

    /**
     * Fields of the pod spec, given relative to it ({@code "volumes"}, {@code "containers/*&#47;env"}),
     * as retained-field pointers for every kind that has a pod (templates, job templates, Pods).
     */
    public static String[] specFields(String... relative) {
        List<String> out = new ArrayList<>();
        for (String r : relative) {
            out.add("/spec/template/spec/" + r);
            out.add("/spec/jobTemplate/spec/template/spec/" + r);
            out.add("Pod:/spec/" + r);
        }
        return out.toArray(String[]::new);
    }

    /** "Deployment shop/web {app=web}; ...; and 3 more": at most five owners with their pod labels, for messages. */
    public static String describeLabels(List<PodTemplate> pods) {
        List<String> seen = new ArrayList<>();
        for (PodTemplate p : pods.subList(0, Math.min(5, pods.size()))) {
            seen.add(p.owner().ref().display() + " " + p.labels());
        }
        if (pods.size() > 5) {
            seen.add("and " + (pods.size() - 5) + " more");
        }
        return String.join("; ", seen);
    }
}
