package io.kgate.load;

import io.kgate.model.DuplicateKey;
import io.kgate.model.Node;
import io.kgate.model.Pos;

/**
 * Parses one standalone YAML document (a rule file, a config file) into a positioned tree with the
 * same safe loader as manifests, so errors in those files can name file:line too.
 */
public final class YamlText {
    private YamlText() {
    }

    /** The text could not be used; {@code pos} is where. */
    public static final class Invalid extends Exception {
        private final Pos pos;

        public Invalid(Pos pos, String message) {
            super(message, null, false, false);
            this.pos = pos;
        }

        public Pos pos() {
            return pos;
        }
    }

    /** The root node of {@code text}; null for an empty document. Duplicate keys are errors here. */
    public static Node parse(String text) throws Invalid {
        YamlTreeBuilder.Result r = YamlTreeBuilder.parse(text, 0, LoadLimits.DEFAULT);
        for (YamlTreeBuilder.Problem p : r.problems()) {
            throw new Invalid(p.pos(), p.message());
        }
        for (DuplicateKey d : r.duplicateKeys()) {
            throw new Invalid(d.pos(), "key written twice (first at line " + d.firstPos().line() + ")");
        }
        return r.root();
    }

    /** The value a plain (unquoted) scalar with this text has, as Kubernetes reads it (null, boolean, number or string). */
    public static Object plainValue(String text) {
        return ScalarResolver.resolvePlain(text);
    }
}
