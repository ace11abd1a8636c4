package io.kgate.testing;

import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A real API server over HTTP(S) in this JVM (fabric8's kubernetes-server-mock) that serves what a
 * Kubernetes 1.34 server serves: {@code /version}, the OpenAPI v3 index and documents read from
 * {@code ../shared/corpora/apiserver-openapi-v3/1.34/}, and a CRD list. kgate (in this JVM or the native
 * binary) reaches it through a kubeconfig written by {@link #kubeconfig}, with the server's
 * self-signed certificate as the cluster's CA in HTTPS mode.
 */
public final class MockCluster implements AutoCloseable {
    public static final Path OPENAPI = Path.of("../shared/corpora/apiserver-openapi-v3/1.34");
    public static final Path CRDS = Path.of("../shared/corpora/crds");
    /** The bearer token of the kubeconfig: it must never appear in anything kgate writes or prints. */
    public static final String TOKEN = "kgate-test-token-3f9a1c77e2";
    public static final String SERVER_VERSION = "v1.34.1+k3s1";
    static final ObjectMapper JSON = new ObjectMapper();

    public final KubernetesMockServer server;
    private final boolean https;

    private MockCluster(boolean https) {
        this.https = https;
        server = new KubernetesMockServer(https);
        // what /version answers (the mock serves it itself): a k3s server's version string
        server.setVersionInfo(new VersionInfo.Builder().withMajor("1").withMinor("34").withGitVersion(SERVER_VERSION)
                .withPlatform("linux/arm64").build());
        server.init();
    }

    /** A started server with no expectations; skips the test when ../shared is absent. */
    public static MockCluster start(boolean https) {
        Assumptions.assumeTrue(Files.isDirectory(OPENAPI), "../shared/corpora/apiserver-openapi-v3 absent");
        return new MockCluster(https);
    }

    /** Serves /version, /openapi/v3 and its documents (with the hash query a real server adds), and the CRDs. */
    public MockCluster servingApi(List<String> crdFiles) {
        Map<String, Object> paths = new TreeMap<>();
        for (Path doc : documents()) {
            String rel = OPENAPI.relativize(doc).toString().replace('\\', '/').replaceAll("\\.json$", "");
            String url = "/openapi/v3/" + rel + "?hash=" + Integer.toHexString(rel.hashCode()).toUpperCase();
            paths.put(rel, Map.of("serverRelativeURL", url));
            server.expect().get().withPath(url).andReturn(200, read(doc)).always();
        }
        paths.put("version", Map.of("serverRelativeURL", "/openapi/v3/version?hash=1"));
        paths.put(".well-known/openid-configuration", Map.of("serverRelativeURL", "/openapi/v3/.well-known/openid-configuration?hash=2"));
        server.expect().get().withPath("/openapi/v3").andReturn(200, Map.of("paths", paths)).always();
        List<Object> items = new ArrayList<>();
        for (String f : crdFiles) {
            items.add(crdAsServed(CRDS.resolve(f)));
        }
        server.expect().get().withPath("/apis/apiextensions.k8s.io/v1/customresourcedefinitions")
                .andReturn(200, Map.of("apiVersion", "apiextensions.k8s.io/v1", "kind", "CustomResourceDefinitionList",
                        "metadata", Map.of("resourceVersion", "42"), "items", items)).always();
        return this;
    }

    /** A CRD the way the server returns it: with status, managed fields and a last-applied annotation. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> crdAsServed(Path file) {
        Map<String, Object> crd = new YAMLMapper().readValue(file.toFile(), Map.class);
        Map<String, Object> meta = (Map<String, Object>) crd.get("metadata");
        meta.put("uid", "0b7e6c2a-1111-2222-3333-444455556666");
        meta.put("resourceVersion", "1234");
        meta.put("managedFields", List.of(Map.of("manager", "kubectl", "operation", "Apply")));
        meta.put("annotations", Map.of("kubectl.kubernetes.io/last-applied-configuration", "{\"token\":\"x\"}"));
        crd.put("status", Map.of("acceptedNames", Map.of("kind", "x")));
        return crd;
    }

    public static List<Path> documents() {
        try (Stream<Path> s = Files.walk(OPENAPI)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server's base URL ("https://localhost:PORT"). */
    public String url() {
        return server.url("/").replaceAll("/$", "");
    }

    /** A kubeconfig for this server with a bearer token, and the server's certificate as the CA in HTTPS mode. */
    public Path kubeconfig(Path dir) {
        return kubeconfig(dir, url());
    }

    public Path kubeconfig(Path dir, String serverUrl) {
        try {
            StringBuilder cluster = new StringBuilder("    server: " + serverUrl + "\n");
            if (https) {
                Path ca = dir.resolve("ca.crt");
                Files.copy(Path.of(server.getSelfSignedCertificate().certificatePath()), ca,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                cluster.append("    certificate-authority: ").append(ca.toAbsolutePath()).append('\n');
            }
            String text = "apiVersion: v1\nkind: Config\nclusters:\n- name: pi\n  cluster:\n" + cluster
                    + "contexts:\n- name: pi\n  context:\n    cluster: pi\n    user: admin\n    namespace: default\n"
                    + "current-context: pi\nusers:\n- name: admin\n  user:\n    token: " + TOKEN + "\n";
            Path file = dir.resolve("kubeconfig");
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String json(Object o) {
        return JSON.writeValueAsString(o);
    }

    @Override
    public void close() {
        server.destroy();
    }
}
