package io.kgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.kgate.testing.KgateRunner;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xml.sax.SAXException;

/**
 * SARIF output against the official SARIF 2.1.0 JSON schema and JUnit output against the common
 * JUnit XSD, both read from ../shared/formats (skipped when that directory is absent).
 */
class FormatSchemaTest {
    private static final Path FORMATS = Path.of("../shared/formats");

    /** A manifest on stdin that breaks in several ways: a file-level finding, object findings, odd text. */
    private static final String STDIN = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: "quotes \\" <angle> & ampersand, comma: colon 100%"
            ---
            kind: Secret
            metadata:
              name: no-api-version
            ---
            a: [unclosed
            """;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"testdata/duplicate-service", "testdata/loader-edge-cases", "testdata/split-architecture", "-"})
    void sarifValidatesAgainstTheOfficialSchema(String target) throws IOException {
        Path schemaFile = FORMATS.resolve("sarif-schema-2.1.0.json");
        assumeTrue(Files.exists(schemaFile), "../shared/formats is absent");
        String sarif = run("sarif", target);
        Schema schema;
        try (InputStream in = Files.newInputStream(schemaFile)) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
        }
        List<Error> errors = schema.validate(sarif, InputFormat.JSON);
        assertEquals(List.of(), errors, () -> "SARIF is invalid:\n" + sarif);
        if (!target.endsWith("split-architecture")) {
            assertTrue(sarif.contains("\"startLine\""), "results carry a region");
            // the validator really enforces the schema: the same log with an unknown level is refused
            assertTrue(!schema.validate(sarif.replace("\"level\": \"error\"", "\"level\": \"fatal\""),
                    InputFormat.JSON).isEmpty(), "an invalid level must be rejected");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"testdata/duplicate-service", "testdata/loader-edge-cases", "testdata/split-architecture", "-"})
    void junitValidatesAgainstTheXsd(String target) throws Exception {
        Path xsd = FORMATS.resolve("junit.xsd");
        assumeTrue(Files.exists(xsd), "../shared/formats is absent");
        String xml = run("junit", target);
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        Validator validator = factory.newSchema(xsd.toFile()).newValidator();
        try {
            validator.validate(new StreamSource(new StringReader(xml)));
        } catch (SAXException e) {
            throw new AssertionError("JUnit XML is invalid: " + e.getMessage() + "\n" + xml, e);
        }
        // the validator really enforces the XSD: a testcase without its required name is refused
        String broken = xml.replaceFirst("<testcase classname=\"[^\"]*\" name=\"[^\"]*\"", "<testcase");
        if (!broken.equals(xml)) {
            org.junit.jupiter.api.Assertions.assertThrows(SAXException.class,
                    () -> validator.validate(new StreamSource(new StringReader(broken))));
        }
    }

    private static String run(String format, String target) {
        KgateRunner.Run run = KgateRunner.get().run(Path.of("").toAbsolutePath(),
                STDIN.getBytes(StandardCharsets.UTF_8), List.of("--output", format, target));
        assertTrue(run.exitCode() == 0 || run.exitCode() == 1, () -> "unexpected exit: " + run);
        return run.out();
    }
}
