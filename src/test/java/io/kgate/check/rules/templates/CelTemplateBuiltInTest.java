package io.kgate.check.rules.templates;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.kgate.cel.KubeCel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the native build compiles into the executable: every expression of the built-in cel rules. */
class CelTemplateBuiltInTest {
    @Test
    void everyBuiltInExpressionCompilesOnceAndIsKept() {
        List<KubeCel.Compiled> first = CelTemplate.Environment.compileBuiltIn(KubeCel.get());
        assertFalse(first.isEmpty(), "no built-in cel rule found");
        first.forEach(c -> assertInstanceOf(KubeCel.Program.class, c, c::toString));
        List<KubeCel.Compiled> again = CelTemplate.Environment.compileBuiltIn(KubeCel.get());
        for (int i = 0; i < first.size(); i++) {
            assertSame(first.get(i), again.get(i), "compiled again: " + first.get(i));
        }
    }
}
