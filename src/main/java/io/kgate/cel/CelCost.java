package io.kgate.cel;

import dev.cel.common.ast.CelExpr;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * An approximation of the API server's static cost estimate for CRD validation rules, made to flag
 * rules that are obviously unbounded (the server refuses a CRD whose rule may cost more than
 * {@link #LIMIT}). Every evaluated node costs 1; a comprehension (all, exists, map, filter, ...)
 * costs its body times the largest size of the list or map it iterates: {@code maxItems} or
 * {@code maxProperties} of the schema, the length of a literal list, else {@link #UNBOUNDED_ITEMS}
 * (a 3 MiB request of the smallest elements); a string function (matches, contains, find, split,
 * ...) costs a tenth of the string's {@code maxLength}, or of {@link #UNBOUNDED_LENGTH}. The server
 * counts more things; this count is lower, so what it flags the server refuses too.
 */
public final class CelCost {
    /** The API server's per-expression estimated cost limit for CRD validation rules. */
    public static final long LIMIT = 10_000_000L;
    static final long UNBOUNDED_ITEMS = 1_048_576L;
    static final long UNBOUNDED_LENGTH = 3_145_728L;
    private static final Set<String> STRING_FUNCTIONS = Set.of("matches", "contains", "startsWith", "endsWith",
            "find", "findAll", "split", "replace", "indexOf", "lastIndexOf", "lowerAscii", "upperAscii", "trim",
            "substring", "format", "join");

    /** What is known about the size of a value: a schema node, or nothing. */
    public interface Shape {
        /** Most items (list) or properties (map); -1 when unbounded or unknown. */
        long maxItems();

        /** Longest string; -1 when unbounded or unknown. */
        long maxLength();

        /** The shape of a field; null when unknown. */
        Shape field(String name);

        /** The shape of an item (list) or value (map); null when unknown. */
        Shape element();

        /** True for a map (iterating it yields its keys). */
        boolean isMap();
    }

    private record ListShape(long maxItems, Shape element) implements Shape {
        @Override
        public long maxLength() {
            return -1;
        }

        @Override
        public Shape field(String name) {
            return null;
        }

        @Override
        public boolean isMap() {
            return false;
        }
    }

    private record Estimate(double cost, Shape shape) {
    }

    private CelCost() {
    }

    /** The estimated worst-case cost of {@code expr} with the variables' shapes. */
    public static double estimate(CelExpr expr, Map<String, Shape> variables) {
        return walk(expr, new HashMap<>(variables)).cost;
    }

    private static Estimate walk(CelExpr e, Map<String, Shape> vars) {
        switch (e.exprKind().getKind()) {
            case IDENT -> {
                return new Estimate(1, vars.get(e.ident().name()));
            }
            case SELECT -> {
                Estimate op = walk(e.select().operand(), vars);
                return new Estimate(op.cost + 1, op.shape == null ? null : op.shape.field(e.select().field()));
            }
            case CALL -> {
                var call = e.call();
                double cost = 1;
                Shape target = null;
                if (call.target().isPresent()) {
                    Estimate t = walk(call.target().get(), vars);
                    cost += t.cost;
                    target = t.shape;
                }
                for (CelExpr a : call.args()) {
                    cost += walk(a, vars).cost;
                }
                if (STRING_FUNCTIONS.contains(call.function())) {
                    long len = target == null || target.maxLength() < 0 ? UNBOUNDED_LENGTH : target.maxLength();
                    cost += len / 10.0;
                }
                return new Estimate(cost, null);
            }
            case LIST -> {
                double cost = 1;
                for (CelExpr x : e.list().elements()) {
                    cost += walk(x, vars).cost;
                }
                return new Estimate(cost, new ListShape(e.list().elements().size(), null));
            }
            case MAP -> {
                double cost = 1;
                for (var entry : e.map().entries()) {
                    cost += walk(entry.key(), vars).cost + walk(entry.value(), vars).cost;
                }
                return new Estimate(cost, null);
            }
            case STRUCT -> {
                double cost = 1;
                for (var entry : e.struct().entries()) {
                    cost += walk(entry.value(), vars).cost;
                }
                return new Estimate(cost, null);
            }
            case COMPREHENSION -> {
                var c = e.comprehension();
                Estimate range = walk(c.iterRange(), vars);
                long n = range.shape == null || range.shape.maxItems() < 0 ? UNBOUNDED_ITEMS : range.shape.maxItems();
                Shape element = range.shape == null ? null : range.shape.isMap() ? null : range.shape.element();
                Map<String, Shape> inner = new HashMap<>(vars);
                inner.put(c.iterVar(), element);
                if (!c.iterVar2().isEmpty()) {
                    inner.put(c.iterVar2(), range.shape == null ? null : range.shape.element());
                }
                inner.remove(c.accuVar());
                double body = walk(c.loopCondition(), inner).cost + walk(c.loopStep(), inner).cost;
                double cost = range.cost + walk(c.accuInit(), vars).cost + n * body + walk(c.result(), inner).cost;
                boolean collects = c.accuInit().exprKind().getKind() == CelExpr.ExprKind.Kind.LIST;
                return new Estimate(cost, collects ? new ListShape(n, null) : null);
            }
            default -> {
                return new Estimate(1, null);
            }
        }
    }

    /** True when the expression refers to the variable {@code name} anywhere. */
    public static boolean mentions(CelExpr e, String name) {
        return switch (e.exprKind().getKind()) {
            case IDENT -> e.ident().name().equals(name);
            case SELECT -> mentions(e.select().operand(), name);
            case CALL -> (e.call().target().isPresent() && mentions(e.call().target().get(), name))
                    || e.call().args().stream().anyMatch(a -> mentions(a, name));
            case LIST -> e.list().elements().stream().anyMatch(a -> mentions(a, name));
            case MAP -> e.map().entries().stream().anyMatch(x -> mentions(x.key(), name) || mentions(x.value(), name));
            case STRUCT -> e.struct().entries().stream().anyMatch(x -> mentions(x.value(), name));
            case COMPREHENSION -> {
                var c = e.comprehension();
                yield mentions(c.iterRange(), name) || mentions(c.accuInit(), name)
                        || mentions(c.loopCondition(), name) || mentions(c.loopStep(), name)
                        || mentions(c.result(), name);
            }
            default -> false;
        };
    }

    /** The selected field names {@code var.a.b} the expression is made of, or null when it is not such a path. */
    public static java.util.List<String> fieldPath(CelExpr e, String var) {
        java.util.LinkedList<String> out = new java.util.LinkedList<>();
        CelExpr cur = e;
        while (cur.exprKind().getKind() == CelExpr.ExprKind.Kind.SELECT) {
            out.addFirst(cur.select().field());
            cur = cur.select().operand();
        }
        return cur.exprKind().getKind() == CelExpr.ExprKind.Kind.IDENT && cur.ident().name().equals(var) ? out : null;
    }

    /**
     * The JSON pointer of the longest {@code var.a.b...} field the expression reads
     * ({@code object.spec.replicas <= 5} gives /spec/replicas), or "" when it reads none: where a
     * finding about a failing expression goes.
     */
    public static String longestPointer(CelExpr e, String var) {
        String pointer = "";
        for (String step : longestPath(e, var)) {
            pointer = io.kgate.model.JsonPointer.child(pointer, step);
        }
        return pointer;
    }

    private static java.util.List<String> longestPath(CelExpr e, String var) {
        java.util.List<String> here = fieldPath(e, var);
        if (here != null) {
            return here;
        }
        java.util.List<String> best = java.util.List.of();
        java.util.List<CelExpr> children = switch (e.exprKind().getKind()) {
            case SELECT -> java.util.List.of(e.select().operand());
            case CALL -> {
                java.util.List<CelExpr> l = new java.util.ArrayList<>(e.call().args());
                e.call().target().ifPresent(l::add);
                yield l;
            }
            case LIST -> e.list().elements();
            case COMPREHENSION -> java.util.List.of(e.comprehension().iterRange());
            default -> java.util.List.of();
        };
        for (CelExpr c : children) {
            java.util.List<String> p = longestPath(c, var);
            if (p.size() > best.size()) {
                best = p;
            }
        }
        return best;
    }
}
