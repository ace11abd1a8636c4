package io.kgate.check.rules;

import java.util.List;
import java.util.function.Function;

/**
 * The parameters of one template and how their values become its typed parameter record. A
 * template declares its parameters once, as {@link Param} constants with default and meaning, and
 * its record checks what it needs in its constructor (an {@link IllegalArgumentException} there
 * becomes an error naming the rule file or config that set the value):
 *
 * <pre>
 * public record Params(List&lt;String&gt; forbiddenTags) { }
 * static final Param&lt;List&lt;String&gt;&gt; FORBIDDEN_TAGS =
 *         Param.strings("forbiddenTags", List.of("latest"), "tags that do not pin a version");
 * public ParamSchema&lt;Params&gt; params() {
 *     return ParamSchema.of(v -&gt; new Params(v.get(FORBIDDEN_TAGS)), FORBIDDEN_TAGS);
 * }
 * </pre>
 *
 * @param <P> the template's parameter record
 */
public final class ParamSchema<P> {
    /** The resolved value of each parameter, typed by its constant. */
    public interface Values {
        <T> T get(Param<T> param);
    }

    /** The parameter record of templates that take none. */
    public record None() {
    }

    private static final ParamSchema<None> NONE = new ParamSchema<>(List.of(), v -> new None());

    private final List<Param<?>> params;
    private final Function<Values, P> build;

    private ParamSchema(List<Param<?>> params, Function<Values, P> build) {
        this.params = params;
        this.build = build;
    }

    /** {@code params}, turned into the record by {@code build}. */
    public static <P> ParamSchema<P> of(Function<Values, P> build, Param<?>... params) {
        return new ParamSchema<>(List.of(params), build);
    }

    /** No parameters. */
    public static ParamSchema<None> none() {
        return NONE;
    }

    public List<Param<?>> params() {
        return params;
    }

    /** The record for these values; throws IllegalArgumentException when the record rejects them. */
    P build(Values values) {
        return build.apply(values);
    }
}
