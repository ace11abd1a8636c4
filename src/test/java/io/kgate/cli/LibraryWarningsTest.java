package io.kgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.LogContext;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LibraryWarningsTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final LibraryWarnings handler = new LibraryWarnings(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aLibrarysWarningIsOneLineNamingTheLogger() {
        // as slf4j's JBoss LogManager binding makes it: the message already formatted
        ExtLogRecord r = new ExtLogRecord(org.jboss.logmanager.Level.WARN, "kubeconfig user has no credentials",
                ExtLogRecord.FormatStyle.NO_FORMAT, "io.fabric8.kubernetes.client.Config");
        r.setLoggerName("io.fabric8.kubernetes.client.Config");
        handler.publish(r);
        assertEquals("kgate: warning from io.fabric8.kubernetes.client.Config: kubeconfig user has no credentials\n",
                printed());
    }

    @Test
    void julParametersAndTheCauseAreShown() {
        LogRecord r = new LogRecord(Level.SEVERE, "cannot read {0}");
        r.setLoggerName("com.example.lib");
        r.setParameters(new Object[] {"schema.json"});
        r.setThrown(new IllegalStateException("truncated"));
        handler.publish(r);
        assertEquals("kgate: error from com.example.lib: cannot read schema.json (java.lang.IllegalStateException: truncated)\n",
                printed());
    }

    @Test
    void belowWarningNothingIsPrinted() {
        LogRecord r = new LogRecord(Level.INFO, "connected");
        r.setLoggerName("io.fabric8");
        handler.publish(r);
        handler.publish(new ExtLogRecord(org.jboss.logmanager.Level.DEBUG, "request", "io.fabric8"));
        assertEquals("", printed());
    }

    @Test
    void withDebugTheCausesStackTraceFollows() {
        LibraryWarnings debug = new LibraryWarnings(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
        LogRecord r = new LogRecord(Level.WARNING, "request failed");
        r.setLoggerName("io.fabric8");
        r.setThrown(new IllegalStateException("refused"));
        debug.publish(r);
        String[] lines = printed().split("\n");
        assertEquals("kgate: warning from io.fabric8: request failed (java.lang.IllegalStateException: refused)", lines[0]);
        assertEquals("java.lang.IllegalStateException: refused", lines[1]);
        assertTrue(lines[2].startsWith("\tat io.kgate.cli.LibraryWarningsTest."), lines[2]);
    }

    /** The path a library's warning takes: slf4j, JBoss LogManager's root logger, the installed handler. */
    @Test
    void installedItPrintsWhatALibraryLogsThroughSlf4j() {
        org.jboss.logmanager.Logger root = LogContext.getLogContext().getLogger("");
        java.util.logging.Handler[] before = root.getHandlers();
        PrintStream oldErr = System.err;
        try {
            System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            LibraryWarnings.install(new String[] {"k8s"});
            org.slf4j.Logger library = LoggerFactory.getLogger("io.fabric8.kubernetes.client.Config");
            library.info("read the kubeconfig");
            library.warn("no current context in {}", "/home/pi/.kube/config");
        } finally {
            System.setErr(oldErr);
            root.setHandlers(before);
        }
        assertEquals("kgate: warning from io.fabric8.kubernetes.client.Config: no current context in "
                + "/home/pi/.kube/config\n", printed());
    }
}
