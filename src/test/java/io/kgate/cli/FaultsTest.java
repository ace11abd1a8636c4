package io.kgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("in-process") // calls kgate's classes directly: the native suite has nothing to add
class FaultsTest {
    @Test
    void internalErrorIsOneLineAndExitCodeThree() {
        StringWriter err = new StringWriter();
        int code = Faults.report(new IllegalStateException("boom"), false, new PrintWriter(err));
        assertEquals(3, code);
        assertEquals("kgate: internal error: IllegalStateException: boom (run with --debug for details)\n",
                err.toString());
    }

    @Test
    void debugAddsTheStackTrace() {
        StringWriter err = new StringWriter();
        Faults.report(new StackOverflowError(), true, new PrintWriter(err));
        assertTrue(err.toString().startsWith("kgate: internal error: StackOverflowError\n"));
        assertTrue(err.toString().contains("at io.kgate.cli.FaultsTest"));
        assertFalse(err.toString().contains("--debug for details"));
    }
}
