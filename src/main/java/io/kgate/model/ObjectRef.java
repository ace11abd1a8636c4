package io.kgate.model;

/** How a finding names an object: its own apiVersion, kind, namespace (null when unset) and name. */
public record ObjectRef(String apiVersion, String kind, String namespace, String name) {
    /** "Service website/backend" or "Namespace website". */
    public String display() {
        return appendDisplay(new StringBuilder()).toString();
    }

    /** {@link #display()} appended to {@code sb} (a report's line), which is returned. */
    public StringBuilder appendDisplay(StringBuilder sb) {
        sb.append(kind == null || kind.isEmpty() ? "<no kind>" : kind).append(' ');
        if (namespace != null) {
            sb.append(namespace).append('/');
        }
        return sb.append(name == null || name.isEmpty() ? "<unnamed>" : name);
    }

    // written out: the native image runs a record's generated equals and hashCode through method
    // handles, and findings (which hold this) are deduplicated in a hash set
    @Override
    public boolean equals(Object o) {
        return o instanceof ObjectRef r && java.util.Objects.equals(name, r.name)
                && java.util.Objects.equals(namespace, r.namespace) && java.util.Objects.equals(kind, r.kind)
                && java.util.Objects.equals(apiVersion, r.apiVersion);
    }

    @Override
    public int hashCode() {
        // what Objects.hash gives, without an array per call (findings hash their object)
        int h = 31 + java.util.Objects.hashCode(apiVersion);
        h = 31 * h + java.util.Objects.hashCode(kind);
        h = 31 * h + java.util.Objects.hashCode(namespace);
        return 31 * h + java.util.Objects.hashCode(name);
    }

    /** The API group of apiVersion ("" for the core group). */
    public String group() {
        return groupOf(apiVersion);
    }

    public static String groupOf(String apiVersion) {
        if (apiVersion == null) {
            return "";
        }
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }
}
