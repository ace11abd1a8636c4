package io.kgate.model;

/** How a finding names an object: its own apiVersion, kind, namespace (null when unset) and name. */
public record ObjectRef(String apiVersion, String kind, String namespace, String name) {
    /** "Service website/backend" or "Namespace website". */
    public String display() {
        String n = name == null || name.isEmpty() ? "<unnamed>" : name;
        String k = kind == null || kind.isEmpty() ? "<no kind>" : kind;
        return k + " " + (namespace == null ? n : namespace + "/" + n);
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
