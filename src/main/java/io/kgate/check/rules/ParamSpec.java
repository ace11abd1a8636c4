package io.kgate.check.rules;

/**
 * One typed parameter of a template: its name, type, default (null: unset) and meaning. Rule files,
 * profiles and config set parameters by name; anything else is an error.
 */
public record ParamSpec(String name, Type type, Object defaultValue, String description) {
    /** The types a parameter can have, as written in YAML. */
    public enum Type {
        STRING("string"), BOOLEAN("boolean"), INTEGER("integer"), QUANTITY("quantity"),
        STRING_LIST("list of strings");

        final String display;

        Type(String display) {
            this.display = display;
        }

        public String display() {
            return display;
        }
    }

    public static ParamSpec string(String name, String def, String description) {
        return new ParamSpec(name, Type.STRING, def, description);
    }

    public static ParamSpec bool(String name, boolean def, String description) {
        return new ParamSpec(name, Type.BOOLEAN, def, description);
    }

    public static ParamSpec integer(String name, long def, String description) {
        return new ParamSpec(name, Type.INTEGER, def, description);
    }

    /** A Kubernetes quantity ("128Mi", "500m"); {@code def} is its text, or null for "no limit". */
    public static ParamSpec quantity(String name, String def, String description) {
        return new ParamSpec(name, Type.QUANTITY, def == null ? null : Params.Qty.parse(def), description);
    }

    public static ParamSpec strings(String name, java.util.List<String> def, String description) {
        return new ParamSpec(name, Type.STRING_LIST, def, description);
    }
}
