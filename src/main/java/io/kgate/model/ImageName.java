package io.kgate.model;

import java.util.Locale;

/**
 * A container image reference split the way container runtimes read it: registry, repository,
 * tag, digest. Docker Hub names are normalised ({@code nginx} is {@code docker.io/library/nginx}),
 * so that {@code nginx:1.27}, {@code library/nginx} and {@code docker.io/library/nginx@sha256:...}
 * are the same repository.
 *
 * @param registry   the registry host, {@code docker.io} when none is written
 * @param repository the path within the registry, with {@code library/} for official Docker Hub images
 * @param tag        the tag, or null
 * @param digest     the digest ({@code sha256:...}), or null
 */
public record ImageName(String registry, String repository, String tag, String digest) {
    private static final String DOCKER_HUB = "docker.io";

    /** Parses {@code image}; null for an empty or blank reference. Does not validate the syntax. */
    public static ImageName parse(String image) {
        if (image == null || image.isBlank()) {
            return null;
        }
        String rest = image.strip();
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        String tag = null;
        int slash = rest.lastIndexOf('/');
        int colon = rest.lastIndexOf(':');
        if (colon > slash) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        String registry = DOCKER_HUB;
        int first = rest.indexOf('/');
        if (first > 0) {
            String head = rest.substring(0, first);
            // a registry host has a dot or a port, or is localhost; otherwise it is a Docker Hub namespace
            if (head.contains(".") || head.contains(":") || head.equals("localhost")) {
                registry = head;
                rest = rest.substring(first + 1);
            }
        }
        if (registry.equals("index.docker.io") || registry.equals("registry-1.docker.io")) {
            registry = DOCKER_HUB;
        }
        if (registry.equals(DOCKER_HUB) && !rest.contains("/")) {
            rest = "library/" + rest;
        }
        return new ImageName(registry.toLowerCase(Locale.ROOT), rest, tag, digest);
    }

    /** {@code docker.io/library/nginx}: registry and repository, without tag or digest. */
    public String fullRepository() {
        return registry + "/" + repository;
    }

    /**
     * Whether this image is of the repository {@code name}, written as people write it without a
     * tag ({@code nginx}, {@code prom/prometheus}, {@code quay.io/prometheus/prometheus}).
     */
    public boolean isRepository(String name) {
        ImageName other = parse(name);
        return other != null && other.fullRepository().equals(fullRepository());
    }
}
