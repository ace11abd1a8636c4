package io.kgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kgate.testing.KgateRunner;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No report format prints a Secret's value: testdata/secret-values holds Secrets whose values sit
 * next to findings (a schema error that describes the wrong value, a placeholder inside a value, a
 * plain Secret in git). Each format must report those findings and contain none of the values, as
 * written or decoded from base64.
 */
class SecretLeakTest {
    private static final String TREE = "testdata/secret-values";
    /** Every value of the tree's Secrets, as written and (for data) decoded. */
    private static final List<String> VALUES = List.of("cGctU3VwM3ItUzNjcmV0", "pg-Sup3r-S3cret", "48151623",
            "sk_live_51HxQ2eCorrectHorse", "T0KEN-9f8e7d", "hooks.example.org", "correct-horse-battery",
            "mailer-admin-account");

    static List<String> formats() {
        return ReportGoldenTest.formats();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void noReportContainsASecretValue(String format) {
        List<String> args = new ArrayList<>();
        if (format.equals("audit")) {
            args.add("audit");
        } else {
            args.addAll(List.of("--output", format));
        }
        args.addAll(List.of("--no-color", "--fail-on", "info", "--only", "schema,secret-in-repo,placeholder-value",
                TREE));
        KgateRunner.Run run = KgateRunner.get().run(args);
        assertEquals(1, run.exitCode(), () -> "the tree has findings: " + run);
        String report = run.out() + run.err();
        // the findings next to the values are there, so the test looks where a leak would be
        assertTrue(report.contains("data.pin") || report.contains("/data/pin") || report.contains("data/pin"),
                () -> format + " report lacks the schema finding about data.pin:\n" + report);
        assertTrue(report.contains("placeholder CHANGEME"), () -> format + " report lacks the placeholder:\n" + report);
        for (String value : VALUES) {
            assertFalse(report.contains(value), () -> format + " report contains the secret value " + value + ":\n"
                    + report);
        }
    }
}
