package io.kgate.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * A connection to the user's cluster, made only by the commands that need one (the lint path never
 * loads the Kubernetes client). Configuration is the standard kubeconfig resolution (KUBECONFIG,
 * ~/.kube/config, in-cluster service account) or an explicit file and context; the credentials stay in
 * the client and are never printed. Every failure that concerns the whole connection (unreachable,
 * TLS, authentication, timeout) is a {@link ClusterException} with one line naming the server.
 */
public final class Cluster implements AutoCloseable {
    private final HttpClient http;
    private final String server;
    private final Duration timeout;
    private final String namespace;

    private Cluster(HttpClient http, String server, Duration timeout, String namespace) {
        this.http = http;
        this.server = server;
        this.timeout = timeout;
        this.namespace = namespace;
    }

    /** Connects lazily: nothing is sent until the first request. */
    public static Cluster connect(Path kubeconfig, String context, Duration timeout) {
        Config config;
        if (kubeconfig != null) {
            if (!Files.isRegularFile(kubeconfig)) {
                throw new ClusterException("--kubeconfig " + kubeconfig + ": no such file");
            }
            try {
                config = Config.fromKubeconfig(context, Files.readString(kubeconfig), kubeconfig.toString());
            } catch (IOException | RuntimeException e) {
                throw new ClusterException("cannot read kubeconfig " + kubeconfig + ": " + firstLine(e));
            }
        } else {
            try {
                config = Config.autoConfigure(context);
            } catch (RuntimeException e) {
                throw new ClusterException("cannot read the kubeconfig: " + firstLine(e));
            }
        }
        if (context != null && (config.getCurrentContext() == null
                || !context.equals(config.getCurrentContext().getName()))) {
            throw new ClusterException("--kube-context " + context + ": no such context in the kubeconfig");
        }
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        config.setRequestTimeout(millis);
        config.setConnectionTimeout(millis);
        config.setRequestRetryBackoffLimit(0); // one clear answer, not ten silent retries
        String server = config.getMasterUrl().replaceAll("/+$", "");
        // the client's HTTP layer with the kubeconfig's TLS and credentials (token, client certificate, exec
        // plugin); kgate sends raw requests, so no typed client and no model classes are needed. The factory
        // is named, not looked up: the native binary has no ServiceLoader registration for it.
        HttpClient http = new JdkHttpClientFactory().newBuilder(config).build();
        String namespace = config.getNamespace() == null || config.getNamespace().isBlank() ? "default" : config.getNamespace();
        return new Cluster(http, server, timeout, namespace);
    }

    /** The API server's URL, for messages. */
    public String server() {
        return server;
    }

    /** The namespace of the kubeconfig context, for objects that name none ("default" when it names none either). */
    public String namespace() {
        return namespace;
    }

    /** GET {@code path}; the body on 200, else a {@link ClusterException}. */
    public String get(String path) {
        Response r = send(http.newHttpRequestBuilder().uri(server + path).build(), path);
        if (r.code() != 200) {
            throw new ClusterException(server + path + ": " + r.code() + " " + statusMessage(r.body()));
        }
        return r.body();
    }

    /** A response whose status is the request's verdict (2xx or 4xx), not a connection failure. */
    public record Response(int code, String body) {
    }

    /**
     * PATCH {@code path} with {@code body} of {@code contentType}; 401 (the credentials are refused) is a
     * failure of the whole connection, other statuses are returned.
     */
    public Response patch(String path, String contentType, String body) {
        HttpRequest req = http.newHttpRequestBuilder().uri(server + path).method("PATCH", contentType, body).build();
        return send(req, path);
    }

    /** GET that returns the status instead of failing on it (discovery of a group that may not exist). */
    public Response tryGet(String path) {
        return send(http.newHttpRequestBuilder().uri(server + path).build(), path);
    }

    private Response send(HttpRequest req, String path) {
        CompletableFuture<HttpResponse<String>> f = http.sendAsync(req, String.class);
        HttpResponse<String> resp;
        try {
            resp = f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new ClusterException(server + ": no answer within " + seconds(timeout) + " (--request-timeout)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException(server + ": interrupted");
        } catch (ExecutionException e) {
            throw new ClusterException(server + ": " + cause(e.getCause()));
        }
        int code = resp.code();
        String body = resp.body() == null ? "" : resp.body();
        if (code == 401) {
            throw new ClusterException(server + ": 401 Unauthorized: the credentials in the kubeconfig were refused");
        }
        return new Response(code, body);
    }

    /** The reason of a connection failure in a few words. */
    static String cause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SSLException || c.getClass().getName().contains("SSL")
                    || c instanceof java.security.cert.CertificateException) {
                return "TLS handshake failed: " + firstLine(c)
                        + " (check certificate-authority in the kubeconfig)";
            }
            if (c instanceof ConnectException) {
                return "cannot connect: " + firstLine(c);
            }
            if (c instanceof UnknownHostException) {
                return "unknown host: " + firstLine(c);
            }
            if (c instanceof TimeoutException || c.getClass().getSimpleName().contains("Timeout")) {
                return "timed out: " + firstLine(c);
            }
        }
        return firstLine(t);
    }

    static String firstLine(Throwable t) {
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            return t.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** The message of a Kubernetes Status body, or the body's first line. */
    static String statusMessage(String body) {
        Object status;
        try {
            status = io.kgate.schema.JsonReader.parse(body);
        } catch (RuntimeException e) {
            return body.lines().findFirst().orElse("").strip();
        }
        if (status instanceof java.util.Map<?, ?> m && m.get("message") instanceof String msg) {
            return msg;
        }
        return "";
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    @Override
    public void close() {
        http.close();
    }
}
