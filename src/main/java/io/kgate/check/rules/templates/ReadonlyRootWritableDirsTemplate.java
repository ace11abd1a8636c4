package io.kgate.check.rules.templates;

import io.kgate.check.rules.Param;
import io.kgate.check.rules.ParamSchema;
import io.kgate.check.rules.Reads;
import io.kgate.check.rules.RuleContext;
import io.kgate.check.rules.Template;
import io.kgate.model.MapNode;
import io.kgate.model.PodTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Images that write at run time (nginx: its cache, pid file and temp files) crash with
 * {@code readOnlyRootFilesystem: true} unless writable volumes are mounted where they write.
 */
public final class ReadonlyRootWritableDirsTemplate implements Template<ReadonlyRootWritableDirsTemplate.Params> {
    /** The rule's parameters: see the constants below. */
    public record Params(List<String> images, List<String> paths) {
    }

    private static final Param<List<String>> IMAGES = Param.strings("images", List.of("nginx"),
            "image name fragments (case-insensitive) of the images that need writable directories");
    private static final Param<List<String>> PATHS = Param.strings("paths",
            List.of("/var/cache/nginx", "/var/run|/run", "/tmp"), "directories they write to; a|b accepts either");

    /**
     * Volume types that are never writable from the container, in the order a message names the first
     * one a volume has (a List: a Set.of's order changes from one JVM start to the next).
     */
    private static final List<String> READ_ONLY_TYPES = List.of("configMap", "secret", "downwardAPI", "projected",
            "image", "gitRepo");

    private record Mount(String pointer, String path, boolean readOnly, String volume) {
    }

    @Override
    public String name() {
        return "readonly-root-writable-dirs";
    }

    /** Each object by itself. */
    @Override
    public Reads reads() {
        return Reads.OBJECT_ALONE;
    }

    @Override
    public ParamSchema<Params> params() {
        return ParamSchema.of(v -> new Params(v.get(IMAGES), v.get(PATHS)), IMAGES, PATHS);
    }

    @Override
    public void run(RuleContext<Params> ctx) {
        List<String> images = ctx.params().images();
        List<String> paths = ctx.params().paths();
        for (PodTemplate pod : ctx.graph().pods()) {
            for (PodTemplate.Container c : pod.allContainers()) {
                MapNode sc = c.node().map("securityContext");
                String image = c.image();
                if (sc == null || !Fields.isTrue(sc.get("readOnlyRootFilesystem")) || image == null
                        || images.stream().noneMatch(p -> image.toLowerCase(Locale.ROOT).contains(p.toLowerCase(Locale.ROOT)))) {
                    continue;
                }
                List<Mount> mounts = new ArrayList<>();
                Fields.eachMap(c.node(), c.pointer(), "volumeMounts", (ptr, m) -> mounts.add(new Mount(ptr,
                        trimSlash(m.string("mountPath")), Fields.isTrue(m.get("readOnly")), m.string("name"))));
                List<String> missing = new ArrayList<>();
                for (String required : paths) {
                    List<String> alternatives = List.of(required.split("\\|"));
                    List<Mount> covering = mounts.stream().filter(m -> m.path != null
                            && alternatives.stream().anyMatch(a -> covers(m.path, trimSlash(a)))).toList();
                    if (covering.stream().anyMatch(m -> whyNotWritable(pod, m) == null)) {
                        continue;
                    }
                    if (covering.isEmpty()) {
                        missing.add(String.join(" or ", alternatives));
                    } else {
                        Mount m = covering.getFirst();
                        ctx.report(pod.owner(), m.pointer, "the mount at " + m.path + " of " + c.display()
                                + " is not writable (" + whyNotWritable(pod, m) + "), but " + image
                                + " writes there while its root file system is read-only");
                    }
                }
                if (!missing.isEmpty()) {
                    ctx.report(pod.owner(), c.pointer() + "/securityContext/readOnlyRootFilesystem",
                            c.display() + " has a read-only root file system, but " + image + " writes to "
                                    + String.join(", ", missing) + ": mount a writable volume (emptyDir) at each");
                }
            }
        }
    }

    private static String trimSlash(String p) {
        return p != null && p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    /** A mount at {@code mount} makes {@code dir} writable when it is that directory or a parent. */
    private static boolean covers(String mount, String dir) {
        return dir.equals(mount) || dir.startsWith(mount.equals("/") ? "/" : mount + "/");
    }

    /** Why the mount is read-only, or null when it is writable. */
    private static String whyNotWritable(PodTemplate pod, Mount m) {
        if (m.readOnly) {
            return "readOnly: true";
        }
        MapNode vol = pod.volume(m.volume);
        if (vol == null) {
            return "no volume named " + m.volume + " in the pod";
        }
        for (String t : READ_ONLY_TYPES) {
            if (vol.has(t)) {
                return t + " volume " + m.volume;
            }
        }
        return null;
    }
}
