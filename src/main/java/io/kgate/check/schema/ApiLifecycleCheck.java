package io.kgate.check.schema;

import io.kgate.check.ObjectCheck;
import io.kgate.check.CheckContext;
import io.kgate.finding.Finding;
import io.kgate.model.KubeObject;
import io.kgate.schema.ApiLifecycle;
import java.util.Set;
import java.util.function.Consumer;

/** {@code removed-api} and {@code deprecated-api}: apiVersions the target Kubernetes version no longer serves or will drop. */
public final class ApiLifecycleCheck implements ObjectCheck {
    public static final String REMOVED = "removed-api";
    public static final String DEPRECATED = "deprecated-api";

    private final String version;

    public ApiLifecycleCheck(String version) {
        this.version = version;
    }

    @Override
    public void check(CheckContext ctx, KubeObject o, Consumer<Finding> out) {
        if (o.apiVersion() == null || o.kind() == null) {
            return;
        }
        ApiLifecycle.Entry e = ApiLifecycle.find(o.apiVersion(), o.kind());
        if (e == null) {
            return;
        }
        String what = o.apiVersion() + " " + o.kind();
        String instead = e.replacement() == null ? "" : "; use " + e.replacement();
        if (e.removedIn(version)) {
            out.accept(ctx.finding(REMOVED, o, "/apiVersion", what + " was removed in Kubernetes "
                    + e.removed() + " (target " + version + ")" + instead));
        } else if (e.deprecatedIn(version)) {
            String removal = e.removed() == null ? "" : ", removed in " + e.removed();
            out.accept(ctx.finding(DEPRECATED, o, "/apiVersion", what + " is deprecated since Kubernetes "
                    + e.deprecated() + removal + instead));
        }
    }

    @Override
    public Set<String> rules() {
        return Set.of(REMOVED, DEPRECATED);
    }
}
