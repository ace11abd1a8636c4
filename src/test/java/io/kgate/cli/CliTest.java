package io.kgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kgate.testing.KgateRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** The command line contract: help, version, exit codes, default paths, output routing. */
class CliTest {
    private final KgateRunner kgate = KgateRunner.get();

    @Test
    void versionNamesTheTool() {
        KgateRunner.Run run = kgate.run("--version");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().matches("kgate \\S+\\R"), run::toString);
    }

    @Test
    void helpDocumentsEveryExitCode() {
        KgateRunner.Run run = kgate.run("--help");
        assertEquals(0, run.exitCode(), run::toString);
        for (String code : List.of("0   no finding", "1   findings", "2   usage error", "3   internal error")) {
            assertTrue(run.out().contains(code), () -> code + " missing in\n" + run.out());
        }
    }

    @Test
    void helpNamesEverySubcommandAndItsSubcommands() {
        KgateRunner.Run run = kgate.run("--help");
        List<String> names = new java.util.ArrayList<>();
        for (Class<?> sub : KgateCommandLine.SUBCOMMANDS) {
            picocli.CommandLine.Command c = sub.getAnnotation(picocli.CommandLine.Command.class);
            names.add(c.name());
            for (Class<?> subSub : c.subcommands()) {
                names.add(c.name() + " " + subSub.getAnnotation(picocli.CommandLine.Command.class).name());
            }
        }
        assertTrue(names.containsAll(List.of("dry-run", "schemas pull")), names::toString);
        for (String name : names) {
            assertTrue(run.out().replaceAll("\\s+", " ").contains("'kgate " + name), () -> name + " missing in\n" + run.out());
        }
    }

    @Test
    void unknownOptionIsAUsageError() {
        KgateRunner.Run run = kgate.run("--frobnicate", "testdata/split-architecture");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("Unknown option: '--frobnicate'"), run::toString);
    }

    @Test
    void badFailOnLevelIsAUsageError() {
        KgateRunner.Run run = kgate.run("--fail-on", "fatal", "testdata/split-architecture");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--fail-on must be error, warning or info, not 'fatal'"), run::toString);
    }

    @Test
    void referenceTreeIsClean() {
        KgateRunner.Run run = kgate.run("testdata/split-architecture");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains(" 0 errors, 0 warnings, 0 infos"), run::toString);
    }

    @Test
    void duplicatedServiceFailsAtTheSecondDefinition() {
        KgateRunner.Run run = kgate.run("testdata/duplicate-service");
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("testdata/duplicate-service/legacy/service.yaml:5:3: error duplicate-object: "
                + "Service website/frontend is already defined at testdata/duplicate-service/frontend/service.yaml:4"),
                run::toString);
    }

    @Test
    void failOnWarningTurnsWarningsIntoFailure(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n");
        assertEquals(0, kgate.run("--fail-on", "warning", dir.toString()).exitCode());
        KgateRunner.Run run = kgate.run("--fail-on", "warning", "testdata/duplicate-service");
        assertEquals(1, run.exitCode(), run::toString);
    }

    @Test
    void withoutPathsChecksK8sDirectoryWhenPresent(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("k8s"));
        Files.writeString(dir.resolve("k8s/a.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n");
        Files.writeString(dir.resolve("outside.yaml"), "kind: Broken\n");
        KgateRunner.Run run = kgate.run(dir, new byte[0], List.of());
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("1 file, 1 document, 1 object"), run::toString);
    }

    @Test
    void withoutPathsOrK8sChecksTheCurrentDirectory(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("outside.yaml"), "kind: Broken\n");
        KgateRunner.Run run = kgate.run(dir, new byte[0], List.of());
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("outside.yaml:1:1: error object-identity: missing apiVersion"), run::toString);
    }

    @Test
    void twoFormatsOnStdoutAreRefused() {
        KgateRunner.Run run = kgate.run("-o", "json", "-o", "text", "testdata/split-architecture");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("only one --output can go to standard output"), run::toString);
    }

    /**
     * A report file that fails while the report is written (a full disk: /dev/full) is a usage error
     * naming the file, not a crash: the text report of thousands of findings is made in pieces on
     * several threads, and the error comes back from them.
     */
    @Test
    void aReportFileThatCannotBeWrittenIsAnErrorNamingIt(@TempDir Path dir) throws IOException {
        Path full = devFull();
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 3000; i++) { // three pieces of the report and more
            many.append("---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Not_Valid_").append(i).append('\n');
        }
        Files.writeString(dir.resolve("many.yaml"), many);
        KgateRunner.Run run = kgate.run("-o", "text=" + full, dir.toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("cannot write /dev/full: No space left on device"), run::toString);
    }

    /**
     * The report on standard output, when that is a full disk (or a closed pipe): a usage error that
     * says the report is incomplete, not the findings' exit code as if it had been delivered. In a
     * process of its own: what fails is the process's standard output.
     */
    @Test
    void aReportThatCannotBeWrittenToStandardOutputIsAnError(@TempDir Path dir) throws Exception {
        Path full = devFull();
        Path tree = Files.createDirectory(dir.resolve("tree"));
        Files.writeString(tree.resolve("a.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Not_Valid\n");
        KgateRunner.Run run = runWithStandardOutput(full, dir, tree.toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("cannot write the report to standard output"), run::toString);
    }

    /** The other commands that print to standard output say so too, rather than exit 0 with part of it. */
    @ParameterizedTest
    @ValueSource(strings = {"rules", "rules --markdown", "explain probes", "schemas", "completion bash"})
    void aCommandWhoseOutputCannotBeWrittenSaysSo(String command, @TempDir Path dir) throws Exception {
        KgateRunner.Run run = runWithStandardOutput(devFull(), dir, command.split(" "));
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("kgate: cannot write to standard output (closed, or its device is full)"),
                run::toString);
    }

    /** kgate in a process of its own, its standard output sent to {@code out}: what fails is the process's. */
    private static KgateRunner.Run runWithStandardOutput(Path out, Path dir, String... args) throws Exception {
        Path err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(KgateRunner.command(args)).redirectOutput(out.toFile())
                .redirectError(err.toFile()).redirectInput(Path.of("/dev/null").toFile()).start();
        boolean ended = p.waitFor(120, TimeUnit.SECONDS);
        p.destroyForcibly();
        assertTrue(ended, "kgate did not end in 120 s");
        return new KgateRunner.Run(p.exitValue(), "", Files.readString(err));
    }

    /** A device whose every write fails with "No space left on device"; the test is skipped without one. */
    private static Path devFull() {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.isWritable(full), "no /dev/full here");
        return full;
    }

    @Test
    void noColourWhenNotATerminal() {
        KgateRunner.Run run = kgate.run("testdata/duplicate-service");
        assertTrue(!run.out().contains("\u001b["), run::toString);
    }

    @Test
    void onlyAndSkipSelectTheReportedRules() {
        KgateRunner.Run all = kgate.run("testdata/split-architecture-first-attempt");
        assertTrue(all.out().contains("error service-type"), all::toString);
        KgateRunner.Run only = kgate.run("--only", "service-type", "testdata/split-architecture-first-attempt");
        assertEquals(1, only.exitCode(), only::toString);
        assertTrue(only.out().contains("1 error,"), only::toString);
        KgateRunner.Run skip = kgate.run("--skip", "service-type,service-endpoints,resource-budget,readonly-root-writable-dirs",
                "testdata/split-architecture-first-attempt");
        assertEquals(0, skip.exitCode(), skip::toString);
    }

    @Test
    void unknownRuleInOnlyIsAUsageError() {
        KgateRunner.Run run = kgate.run("--only", "schema,no-such-rule", "testdata/split-architecture");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--only: unknown rule 'no-such-rule' (kgate rules lists them)"), run::toString);
    }

    @Test
    void auditShowsTheResourceBudgetAgainstTheProfile() {
        KgateRunner.Run run = kgate.run("audit", "testdata/rule-resource-budget-total-fail");
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().contains("Deployment demo/workers             30  128Mi × 30 = 3.75Gi"), run::toString);
        assertTrue(run.out().contains("Capacity: 2 nodes × 3Gi memory, 3000m cpu = 6Gi memory, 6000m cpu."),
                run::toString);
        assertTrue(run.out().contains("Requests use 104% of the memory and 8% of the cpu"), run::toString);
    }

    @Test
    void auditComparesWithTheCapacityOfTheRunsConfig(@TempDir Path dir) throws IOException {
        Path bigger = dir.resolve("bigger.yaml");
        Files.writeString(bigger, """
                rules:
                  resource-budget:
                    params: {nodes: 4, nodeMemory: 8Gi, nodeCpu: "4"}
                """);
        KgateRunner.Run run = kgate.run("audit", "--config", bigger.toString(), "testdata/rule-resource-budget-total-fail");
        assertTrue(run.out().contains("Capacity: 4 nodes × 8Gi memory, 4000m cpu = 32Gi memory, 16000m cpu."),
                run::toString);
        assertTrue(run.out().contains("Requests use 20% of the memory and 3% of the cpu"), run::toString);

        Path off = dir.resolve("off.yaml");
        Files.writeString(off, """
                rules:
                  resource-budget: {enabled: false}
                """);
        KgateRunner.Run without = kgate.run("audit", "--config", off.toString(), "testdata/rule-resource-budget-total-fail");
        assertTrue(without.out().contains("Deployment demo/workers"), without::toString);
        assertTrue(without.out().contains("No cluster capacity in the profile: totals are not compared."),
                without::toString);
    }

    @Test
    void auditCountsContainersWithoutResourcesAsUnboundedAndCpuInOneUnit(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("web.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop}
                spec:
                  replicas: 2
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers:
                        - name: web
                          image: example/web:1.0
                          resources:
                            requests: {memory: 64Mi, cpu: "1"}
                            limits: {memory: 128Mi, cpu: 1500m}
                        - name: sidecar
                          image: example/sidecar:1.0
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: worker, namespace: shop}
                spec:
                  replicas: 1
                  selector: {matchLabels: {app: worker}}
                  template:
                    metadata: {labels: {app: worker}}
                    spec:
                      containers:
                        - name: worker
                          image: example/worker:1.0
                """);
        KgateRunner.Run run = kgate.run("audit", dir.toString());
        String out = run.out().replaceAll(" {2,}", " | "); // the columns, whatever their widths
        assertTrue(out.contains("Deployment shop/web | 2 | 64Mi × 2 = 128Mi + unbounded | 128Mi × 2 = 256Mi + unbounded"
                + " | 1000m × 2 = 2000m + unbounded | 1500m × 2 = 3000m + unbounded\n"), run::toString);
        assertTrue(out.contains("Deployment shop/worker | 1 | unbounded | unbounded | unbounded | unbounded\n"),
                run::toString);
        assertTrue(out.contains("total | 128Mi + unbounded | 256Mi + unbounded | 2000m + unbounded | 3000m + unbounded\n"),
                run::toString);
        assertTrue(out.contains("Capacity: 2 nodes × 3Gi memory, 3000m cpu = 6Gi memory, 6000m cpu."), run::toString);
        assertTrue(out.contains("Requests use at least 2% of the memory and at least 33% of the cpu"), run::toString);
    }
}
