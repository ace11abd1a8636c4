package io.kgate.check.rules.templates;

import io.kgate.check.rules.Param;
import io.kgate.check.rules.ParamSchema;
import io.kgate.check.rules.Reads;
import io.kgate.check.rules.RuleContext;
import io.kgate.check.rules.Template;
import io.kgate.model.MapNode;
import io.kgate.model.Node;
import io.kgate.model.PodTemplate;
import java.util.List;
import java.util.Locale;

/** Containers run as a non-root numeric user, cannot escalate privileges, and keep their root file system read-only. */
public final class SecurityContextTemplate implements Template<SecurityContextTemplate.Params> {
    /** The rule's parameters: see the constants below. */
    public record Params(boolean runAsNonRoot, List<String> numericUserImages, boolean noPrivilegeEscalation,
            boolean readOnlyRootFilesystem) {
    }

    private static final Param<Boolean> RUN_AS_NON_ROOT = Param.bool("runAsNonRoot", true,
            "require runAsNonRoot: true (pod or container)");
    private static final Param<List<String>> NUMERIC_USER_IMAGES = Param.strings("numericUserImages", List.of(),
            "image name fragments whose image USER is numeric, so runAsUser may be left out");
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
        return ParamSchema.of(v -> new Params(v.get(RUN_AS_NON_ROOT), v.get(NUMERIC_USER_IMAGES),
                v.get(NO_PRIVILEGE_ESCALATION), v.get(READ_ONLY_ROOT)),
                RUN_AS_NON_ROOT, NUMERIC_USER_IMAGES, NO_PRIVILEGE_ESCALATION, READ_ONLY_ROOT);
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
                        ctx.report(pod.owner(), nonRootPtr[0], "runAsNonRoot: true without runAsUser for " + c.display()
                                + ": when the image's USER is a name (nginx images use 'nginx'), the kubelet cannot "
                                + "verify it and refuses to start the container; set a numeric runAsUser");
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

    private static boolean numericUserImage(RuleContext<Params> ctx, String image) {
        String lower = image == null ? "" : image.toLowerCase(Locale.ROOT);
        return ctx.params().numericUserImages().stream()
                .anyMatch(p -> lower.contains(p.toLowerCase(Locale.ROOT)));
    }
}
