package io.kgate.cluster;

import io.kgate.check.Check;
import io.kgate.check.CheckContext;
import io.kgate.finding.Finding;
import io.kgate.finding.Severity;
import io.kgate.model.JsonPointer;
import io.kgate.model.KubeObject;
import io.kgate.model.MapNode;
import io.kgate.schema.CustomResources;
import io.kgate.schema.JsonReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Rule {@code server-dry-run}: every object of the tree sent to the cluster as a server-side apply with
 * {@code dryRun=All} (field manager kgate, force: fields owned by Flux or kubectl give no conflict), and
 * each refusal reported at the position of the field the server names. Nothing is persisted, so an
 * object whose Namespace or CustomResourceDefinition only this tree creates cannot be checked: that is
 * an info, not an error. Requests run concurrently, at most {@link #PARALLEL} at a time.
 */
public final class DryRunCheck implements Check {
    public static final String RULE = "server-dry-run";
    static final int PARALLEL = 8;
    /** Helm's install order: what others depend on is sent first (nothing persists, but the report reads in that order). */
    private static final List<String> ORDER = List.of("Namespace", "CustomResourceDefinition", "NetworkPolicy",
            "ResourceQuota", "LimitRange", "PodDisruptionBudget", "ServiceAccount", "Secret", "ConfigMap",
            "StorageClass", "PersistentVolume", "PersistentVolumeClaim", "ClusterRole", "ClusterRoleBinding", "Role",
            "RoleBinding", "Service", "DaemonSet", "Pod", "ReplicationController", "ReplicaSet", "Deployment",
            "HorizontalPodAutoscaler", "StatefulSet", "Job", "CronJob", "IngressClass", "Ingress", "APIService");

    private final Cluster cluster;
    private final String defaultNamespace;
    private final Map<String, Map<String, Resource>> discovery = new ConcurrentHashMap<>();

    /** How the server serves one kind: its plural name and whether it is namespaced. */
    record Resource(String plural, boolean namespaced) {
    }

    public DryRunCheck(Cluster cluster) {
        this.cluster = cluster;
        this.defaultNamespace = cluster.namespace();
    }

    @Override
    public Set<String> rules() {
        return Set.of(RULE);
    }

    @Override
    public void run(CheckContext ctx, Consumer<Finding> out) {
        List<KubeObject> objects = new ArrayList<>(ctx.objects().stream()
                .filter(o -> o.apiVersion() != null && o.kind() != null && o.name() != null).toList());
        objects.sort(Comparator.comparingInt(DryRunCheck::rank));
        Set<String> treeNamespaces = new HashSet<>();
        Map<String, String> treeCrds = new HashMap<>(); // "group/kind" -> CRD name
        for (KubeObject o : objects) {
            if (o.kind().equals("Namespace") && o.apiVersion().equals("v1")) {
                treeNamespaces.add(o.name());
            }
            if (o.kind().equals("CustomResourceDefinition") && o.root().map("spec") != null) {
                MapNode spec = o.root().map("spec");
                MapNode names = spec.map("names");
                if (spec.string("group") != null && names != null && names.string("kind") != null) {
                    treeCrds.put(spec.string("group") + "/" + names.string("kind"), o.name());
                }
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLEL, Math.max(1, objects.size())),
                r -> {
                    Thread t = new Thread(r, "kgate-dry-run");
                    t.setDaemon(true);
                    return t;
                });
        try {
            List<Future<List<Finding>>> results = new ArrayList<>();
            for (KubeObject o : objects) {
                results.add(pool.submit(() -> dryRun(ctx, o, treeNamespaces, treeCrds)));
            }
            for (Future<List<Finding>> f : results) {
                f.get().forEach(out);
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r; // ClusterException: the whole run stops with one line
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException(cluster.server() + ": interrupted");
        } finally {
            pool.shutdownNow();
        }
    }

    private static int rank(KubeObject o) {
        int i = ORDER.indexOf(o.kind());
        return i < 0 ? ORDER.size() : i;
    }

    private List<Finding> dryRun(CheckContext ctx, KubeObject o, Set<String> treeNamespaces, Map<String, String> treeCrds) {
        String apiVersion = o.apiVersion();
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        Resource res = resources(apiVersion).get(o.kind());
        if (res == null) {
            String crd = treeCrds.get(group + "/" + o.kind());
            if (crd != null) {
                return List.of(info(o, "/apiVersion", "not dry-runnable before CustomResourceDefinition " + crd
                        + " exists: the cluster does not serve " + apiVersion + " " + o.kind() + " yet"));
            }
            return List.of(ctx.finding(RULE, o, "/apiVersion", "the cluster does not serve " + apiVersion + " "
                    + o.kind() + " (no matching resource; is its CustomResourceDefinition installed?)"));
        }
        String namespace = null;
        if (res.namespaced()) {
            namespace = o.namespace() != null && !o.namespace().isBlank() ? o.namespace() : defaultNamespace;
        }
        StringBuilder path = new StringBuilder(group.isEmpty() ? "/api/" + apiVersion : "/apis/" + apiVersion);
        if (namespace != null) {
            path.append("/namespaces/").append(encode(namespace));
        }
        path.append('/').append(res.plural()).append('/').append(encode(o.name()))
                .append("?dryRun=All&fieldManager=kgate&force=true");
        StringBuilder body = new StringBuilder();
        JsonReader.write(CustomResources.plain(o.root()), body);
        Cluster.Response r = cluster.patch(path.toString(), "application/apply-patch+yaml", body.toString());
        if (r.code() / 100 == 2) {
            return List.of();
        }
        return refusal(ctx, o, r, namespace, treeNamespaces);
    }

    @SuppressWarnings("unchecked")
    private List<Finding> refusal(CheckContext ctx, KubeObject o, Cluster.Response r, String namespace,
            Set<String> treeNamespaces) {
        Map<String, Object> status = Map.of();
        try {
            if (JsonReader.parse(r.body()) instanceof Map<?, ?> m) {
                status = (Map<String, Object>) m;
            }
        } catch (RuntimeException e) {
            // not a Status: the code and the body's first line say it
        }
        String message = status.get("message") instanceof String s ? s
                : r.code() + " " + r.body().lines().findFirst().orElse("").strip();
        Map<String, Object> details = status.get("details") instanceof Map<?, ?> d ? (Map<String, Object>) d : Map.of();
        if (r.code() == 404 && "namespaces".equals(details.get("kind")) && namespace != null) {
            if (treeNamespaces.contains(namespace)) {
                return List.of(info(o, "/metadata/namespace", "not dry-runnable before Namespace " + namespace
                        + " exists: this tree creates it, and a dry run persists nothing"));
            }
            return List.of(ctx.finding(RULE, o, "/metadata/namespace", "namespace " + namespace
                    + " does not exist in the cluster"));
        }
        if (message.contains("does not support dry run")) {
            return List.of(info(o, "", "not dry-runnable: " + message));
        }
        List<Finding> out = new ArrayList<>();
        if (details.get("causes") instanceof List<?> causes) {
            for (Object c : causes) {
                if (c instanceof Map<?, ?> cause && cause.get("field") instanceof String field && !field.isBlank()) {
                    String text = cause.get("message") instanceof String cm ? cm : message;
                    out.add(ctx.finding(RULE, o, pointer(field), field + ": " + text));
                }
            }
        }
        if (out.isEmpty()) {
            out.add(ctx.finding(RULE, o, "", message));
        }
        return out;
    }

    private Finding info(KubeObject o, String pointer, String message) {
        return Finding.at(RULE, Severity.INFO, o, pointer, message);
    }

    /** The kinds a group-version serves, from discovery (asked once per group-version). */
    @SuppressWarnings("unchecked")
    private Map<String, Resource> resources(String apiVersion) {
        return discovery.computeIfAbsent(apiVersion, gv -> {
            Cluster.Response r = cluster.tryGet(gv.contains("/") ? "/apis/" + gv : "/api/" + gv);
            Map<String, Resource> kinds = new LinkedHashMap<>();
            if (r.code() != 200) {
                return kinds;
            }
            Object list = JsonReader.parse(r.body());
            if (list instanceof Map<?, ?> m && m.get("resources") instanceof List<?> resources) {
                for (Object x : resources) {
                    if (x instanceof Map<?, ?> res && res.get("name") instanceof String name && !name.contains("/")
                            && res.get("kind") instanceof String kind) {
                        kinds.putIfAbsent(kind, new Resource(name, Boolean.TRUE.equals(res.get("namespaced"))));
                    }
                }
            }
            return kinds;
        });
    }

    /** "spec.template.spec.containers[0].image" (the server's field path) as a JSON pointer. */
    static String pointer(String field) {
        String ptr = "";
        StringBuilder seg = new StringBuilder();
        int i = 0;
        while (i < field.length()) {
            char c = field.charAt(i);
            if (c == '.') {
                if (!seg.isEmpty()) {
                    ptr = JsonPointer.child(ptr, seg.toString());
                    seg.setLength(0);
                }
                i++;
            } else if (c == '[') {
                if (!seg.isEmpty()) {
                    ptr = JsonPointer.child(ptr, seg.toString());
                    seg.setLength(0);
                }
                int end = field.indexOf(']', i);
                if (end < 0) {
                    break;
                }
                String key = field.substring(i + 1, end);
                ptr = key.matches("\\d+") ? JsonPointer.child(ptr, Integer.parseInt(key)) : JsonPointer.child(ptr, key);
                i = end + 1;
            } else {
                seg.append(c);
                i++;
            }
        }
        if (!seg.isEmpty()) {
            ptr = JsonPointer.child(ptr, seg.toString());
        }
        return ptr;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
