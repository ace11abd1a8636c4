package io.kgate.check.rules;

import io.kgate.model.Quantity;
import java.math.BigDecimal;
import java.util.List;

/**
 * One parameter of a template: its name as rule files, profiles and {@code .kgate.yaml} write it,
 * its type, its default (null: unset) and what it means. Declare each one once, as a constant of its
 * template; {@link ParamSchema} turns the values into the template's parameter record, and
 * {@code kgate explain} and the README document it from the same constant.
 *
 * @param <T> the Java type of the value: String, Boolean, Long, {@link Qty} or {@code List<String>}
 */
public record Param<T>(String name, Type type, T defaultValue, String description) {
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

    /** A quantity parameter: its text as written (for messages) and its exact value. */
    public record Qty(String text, BigDecimal value) {
        static Qty parse(String text) {
            return new Qty(text, Quantity.parse(text).orElseThrow(() -> new IllegalArgumentException(text)));
        }

        @Override
        public String toString() {
            return text;
        }
    }

    public static Param<String> string(String name, String def, String description) {
        return new Param<>(name, Type.STRING, def, description);
    }

    public static Param<Boolean> bool(String name, boolean def, String description) {
        return new Param<>(name, Type.BOOLEAN, def, description);
    }

    /** A whole number, 0 or more. */
    public static Param<Long> integer(String name, long def, String description) {
        return new Param<>(name, Type.INTEGER, def, description);
    }

    /** A Kubernetes quantity ("128Mi", "500m"); {@code def} is its text, or null for "unset". */
    public static Param<Qty> quantity(String name, String def, String description) {
        return new Param<>(name, Type.QUANTITY, def == null ? null : Qty.parse(def), description);
    }

    public static Param<List<String>> strings(String name, List<String> def, String description) {
        return new Param<>(name, Type.STRING_LIST, List.copyOf(def), description);
    }
}
