package io.kgate.check.rules.templates;

import io.kgate.check.rules.Param;
import io.kgate.check.rules.ParamSchema;
import io.kgate.check.rules.Reads;
import io.kgate.check.rules.RuleContext;
import io.kgate.check.rules.Template;
import io.kgate.model.ImageName;
import io.kgate.model.MapNode;
import io.kgate.model.Node;
import io.kgate.model.PodTemplate;
import java.util.List;
import java.util.Locale;

/** Containers run as a non-root user, cannot escalate privileges, and keep their root file system read-only. */
public final class SecurityContextTemplate implements Template<SecurityContextTemplate.Params> {
    /** The rule's parameters: see the constants below. */
    public record Params(boolean runAsNonRoot, List<String> numericUserImages, List<String> rootImages,
            List<String> namedUserImages, boolean noPrivilegeEscalation, boolean readOnlyRootFilesystem) {
        public Params {
            for (String entry : namedUserImages) {
                int eq = entry.lastIndexOf('=');
                if (eq <= 0 || eq == entry.length() - 1) {
                    throw new IllegalArgumentException("namedUserImages entry '" + entry
                            + "' must be IMAGE=USER, like memcached=memcache");
                }
            }
        }
    }

    private static final Param<Boolean> RUN_AS_NON_ROOT = Param.bool("runAsNonRoot", true,
            "require runAsNonRoot: true (pod or container)");
    private static final Param<List<String>> NUMERIC_USER_IMAGES = Param.strings("numericUserImages", List.of(),
            "image name fragments whose image USER is numeric: never reported for a missing runAsUser");
    private static final Param<List<String>> ROOT_IMAGES = Param.strings("rootImages", List.of(),
            "image repositories that start as root: runAsNonRoot needs a runAsUser");
    private static final Param<List<String>> NAMED_USER_IMAGES = Param.strings("namedUserImages", List.of(),
            "IMAGE=USER: image repositories that start as a named user the kubelet cannot verify");
    private static final Param<Boolean> NO_PRIVILEGE_ESCALATION = Param.bool("noPrivilegeEscalation", true,
            "require allowPrivilegeEscalation: false");
    private static final Param<Boolean> READ_ONLY_ROOT = Param.bool("readOnlyRootFilesystem", true,
            "require readOnlyRootFilesystem: true");

    @Override
    public String name() {
        return "security-context";
    }

    /** Each object by itself. */
    @Override
    public Reads reads() {
        return Reads.OBJECT_ALONE;
    }

    @Override
    public ParamSchema<Params> params() {
        return ParamSchema.of(v -> new Params(v.get(RUN_AS_NON_ROOT), v.get(NUMERIC_USER_IMAGES), v.get(ROOT_IMAGES),
                v.get(NAMED_USER_IMAGES), v.get(NO_PRIVILEGE_ESCALATION), v.get(READ_ONLY_ROOT)),
                RUN_AS_NON_ROOT, NUMERIC_USER_IMAGES, ROOT_IMAGES, NAMED_USER_IMAGES, NO_PRIVILEGE_ESCALATION,
                READ_ONLY_ROOT);
    }

    @Override
    public void run(RuleContext<Params> ctx) {
        for (PodTemplate pod : ctx.graph().pods()) {
            MapNode psc = pod.spec().map("securityContext");
            String podScPtr = pod.specPointer() + "/securityContext";
            for (PodTemplate.Container c : pod.allContainers()) {
                MapNode csc = c.node().map("securityContext");
                String cscPtr = c.pointer() + "/securityContext";
                String at = csc != null ? cscPtr : c.pointer() + "/name";
                String[] nonRootPtr = {null};
                Node nonRoot = effective(csc, cscPtr, psc, podScPtr, "runAsNonRoot", nonRootPtr);
                String[] userPtr = {null};
                Node user = effective(csc, cscPtr, psc, podScPtr, "runAsUser", userPtr);
                if (ctx.params().runAsNonRoot()) {
                    if (!Fields.isTrue(nonRoot)) {
                        ctx.report(pod.owner(), nonRootPtr[0] != null ? nonRootPtr[0] : at, c.display()
                                + " may run as root: set runAsNonRoot: true");
                    } else if (user == null && !numericUserImage(ctx, c.image())) {
                        String startsAs = knownUser(ctx.params(), c.image());
                        if (startsAs != null) {
                            ctx.report(pod.owner(), nonRootPtr[0], "runAsNonRoot: true without runAsUser for "
                                    + c.display() + ", whose image " + c.image() + " starts as " + startsAs
                                    + ": the kubelet refuses to start it (CreateContainerConfigError); set runAsUser "
                                    + "to a non-zero uid the image works with (check which uid owns the files it "
                                    + "writes), or use an image built to run unprivileged");
                        }
                    }
                }
                Long uid = Fields.integer(user);
                if (uid != null && uid == 0 && Fields.isTrue(nonRoot)) {
                    ctx.report(pod.owner(), userPtr[0], "runAsUser 0 is root, contradicting runAsNonRoot: true for "
                            + c.display() + ": the container will not start");
                }
                Node ape = csc == null ? null : csc.get("allowPrivilegeEscalation");
                if (ctx.params().noPrivilegeEscalation() && !isFalse(ape)) {
                    ctx.report(pod.owner(), ape != null ? cscPtr + "/allowPrivilegeEscalation" : at, c.display()
                            + " does not set allowPrivilegeEscalation: false");
                }
                Node ro = csc == null ? null : csc.get("readOnlyRootFilesystem");
                if (ctx.params().readOnlyRootFilesystem() && !Fields.isTrue(ro)) {
                    ctx.report(pod.owner(), ro != null ? cscPtr + "/readOnlyRootFilesystem" : at, c.display()
                            + " does not set readOnlyRootFilesystem: true (mount emptyDirs where it must write)");
                }
            }
        }
    }

    private static boolean isFalse(Node n) {
        return n != null && n.asScalar() != null && Boolean.FALSE.equals(n.asScalar().value());
    }

    /** The container's setting, else the pod's; {@code where[0]} receives its pointer. */
    private static Node effective(MapNode csc, String cscPtr, MapNode psc, String pscPtr, String key, String[] where) {
        if (csc != null && csc.get(key) != null) {
            where[0] = cscPtr + "/" + key;
            return csc.get(key);
        }
        if (psc != null && psc.get(key) != null) {
            where[0] = pscPtr + "/" + key;
            return psc.get(key);
        }
        return null;
    }

    /**
     * "root" or "the named user NAME" when the image's repository is in the rule's data, else null:
     * kgate cannot read an image's USER offline, so it only speaks about images it knows.
     */
    private static String knownUser(Params p, String image) {
        ImageName name = ImageName.parse(image);
        if (name == null) {
            return null;
        }
        for (String repo : p.rootImages()) {
            if (name.isRepository(repo)) {
                return "root";
            }
        }
        for (String entry : p.namedUserImages()) {
            int eq = entry.lastIndexOf('=');
            if (name.isRepository(entry.substring(0, eq))) {
                return "the named user " + entry.substring(eq + 1) + ", which the kubelet cannot verify as non-root";
            }
        }
        return null;
    }

    private static boolean numericUserImage(RuleContext<Params> ctx, String image) {
        String lower = image == null ? "" : image.toLowerCase(Locale.ROOT);
        return ctx.params().numericUserImages().stream()
                .anyMatch(p -> lower.contains(p.toLowerCase(Locale.ROOT)));
    }
}
