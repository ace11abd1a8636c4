package io.kgate.check.schema;

import io.kgate.check.CheckContext;
import io.kgate.check.ObjectCheck;
import io.kgate.finding.Finding;
import io.kgate.model.KubeObject;
import io.kgate.model.MapNode;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The part of {@code schema} about the formats of {@code metadata.name} and {@code metadata.namespace}
 * that the API server enforces per kind: a DNS-1123 subdomain for most kinds, a DNS-1123 label for a
 * Namespace, a DNS-1035 label for a Service, a path segment for RBAC objects.
 */
public final class ObjectNameCheck implements ObjectCheck {
    private static final String ID = SchemaCheck.SCHEMA;
    /** RBAC names are path segments ("system:controller:x" is fine). */
    private static final Set<String> PATH_SEGMENT_NAMED = Set.of("Role", "ClusterRole", "RoleBinding",
            "ClusterRoleBinding");

    @Override
    public void check(CheckContext ctx, KubeObject o, Consumer<Finding> out) {
        MapNode meta = o.metadata();
        if (meta == null) {
            return;
        }
        String name = meta.string("name");
        if (name != null && !name.isEmpty()) {
            String problem;
            if (o.kind() != null && PATH_SEGMENT_NAMED.contains(o.kind())) { // no kind: Set.of rejects null
                problem = name.equals(".") || name.equals("..") || name.contains("/") || name.contains("%")
                        ? "may not be '.' or '..' and may not contain '/' or '%'" : null;
            } else if ("Service".equals(o.kind())) {
                problem = NameSyntax.dns1035Label(name);
            } else if ("Namespace".equals(o.kind())) {
                problem = NameSyntax.dnsLabel(name);
            } else {
                problem = NameSyntax.dnsSubdomain(name);
            }
            if (problem != null) {
                out.accept(ctx.finding(ID, o, "/metadata/name", "metadata.name \"" + name + "\": " + problem));
            }
        }
        String ns = meta.string("namespace");
        String nsProblem = ns == null || ns.isEmpty() ? null : NameSyntax.dnsLabel(ns);
        if (nsProblem != null) {
            out.accept(ctx.finding(ID, o, "/metadata/namespace", "metadata.namespace \"" + ns + "\": " + nsProblem));
        }
    }

    @Override
    public Set<String> rules() {
        return Set.of(ID);
    }
}
