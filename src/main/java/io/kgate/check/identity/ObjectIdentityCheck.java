package io.kgate.check.identity;

import io.kgate.check.ObjectCheck;
import io.kgate.check.CheckContext;
import io.kgate.finding.Finding;
import io.kgate.load.Loader;
import io.kgate.model.KubeObject;
import io.kgate.model.MapNode;
import io.kgate.model.Node;
import java.util.Set;
import java.util.function.Consumer;

/** {@code object-identity}: apiVersion, kind and metadata.name (or generateName) are present and non-empty. */
public final class ObjectIdentityCheck implements ObjectCheck {
    public static final String ID = Loader.OBJECT_IDENTITY;

    @Override
    public void check(CheckContext ctx, KubeObject o, Consumer<Finding> out) {
        requireString(ctx, o, o.root(), "apiVersion", "/apiVersion", out);
        requireString(ctx, o, o.root(), "kind", "/kind", out);
        Node metaNode = o.root().get("metadata");
        MapNode meta = metaNode == null ? null : metaNode.asMap();
        if (meta == null) {
            out.accept(ctx.finding(ID, o, metaNode == null ? "" : "/metadata",
                    metaNode == null ? "missing metadata (metadata.name is required)"
                            : "metadata must be a mapping, not " + metaNode.typeName()));
            return;
        }
        String generate = meta.string("generateName");
        if (generate != null && !generate.isEmpty() && !meta.has("name")) {
            return;
        }
        requireString(ctx, o, meta, "name", "/metadata/name", out);
    }

    private static void requireString(CheckContext ctx, KubeObject o, MapNode parent, String key, String pointer,
            Consumer<Finding> out) {
        Node n = parent.get(key);
        if (n == null) {
            out.accept(ctx.finding(ID, o, pointer, "missing " + field(pointer)));
        } else if (n.text() == null) {
            out.accept(ctx.finding(ID, o, pointer, field(pointer) + " must be a string, got " + n.typeName()));
        } else if (n.text().isBlank()) {
            out.accept(ctx.finding(ID, o, pointer, field(pointer) + " is empty"));
        }
    }

    /** "/metadata/name" as the message names it, "metadata.name": made only for a finding (three per object). */
    private static String field(String pointer) {
        return pointer.substring(1).replace('/', '.');
    }

    @Override
    public Set<String> rules() {
        return Set.of(ID);
    }
}
