package io.kgate.model;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a container image reference parses the way the kubelet parses it (the distribution
 * reference grammar with Docker's normalisation, {@code ParseNormalizedNamed}); what it refuses
 * never starts: InvalidImageName.
 */
public final class ImageReference {
    private static final String ALNUM = "[a-z0-9]+";
    private static final String PATH_COMPONENT = ALNUM + "(?:(?:[._]|__|-+)" + ALNUM + ")*";
    private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final String DOMAIN = "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*|\\[[a-fA-F0-9:]+\\])"
            + "(?::[0-9]+)?";
    private static final String NAME = "(?:" + DOMAIN + "/)?" + PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*";
    private static final Pattern REFERENCE = Pattern.compile("(" + NAME + ")(?::([\\w][\\w.-]{0,127}))?"
            + "(?:@([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}))?");
    private static final Pattern HEX_ID = Pattern.compile("[a-f0-9]{64}");
    /** Longer than any valid reference (a name of 255, a tag of 128, a long digest). */
    private static final int MAX_LENGTH = 1024;

    private ImageReference() {
    }

    /** References each thread checked last: a tree names the same few images again and again. */
    private static final RecentlyComputed<String> RECENTLY_CHECKED =
            new RecentlyComputed<>(64, 512, ImageReference::checked);

    /** Null when {@code image} parses; otherwise why it does not (the value itself is not repeated). */
    public static String problem(String image) {
        return RECENTLY_CHECKED.get(image);
    }

    private static String checked(String image) {
        if (!image.strip().equals(image)) {
            return "has leading or trailing whitespace";
        }
        if (image.length() > MAX_LENGTH) {
            return "is longer than " + MAX_LENGTH + " characters";
        }
        if (HEX_ID.matcher(image).matches()) {
            return "is a 64-character hexadecimal image ID, not a reference";
        }
        // Docker Hub's normalisation: a first component without '.' or ':' that is not localhost and is
        // lower case is a path, not a registry
        int slash = image.indexOf('/');
        String first = slash < 0 ? "" : image.substring(0, slash);
        boolean registry = slash >= 0 && (first.contains(".") || first.contains(":") || first.equals("localhost")
                || !first.toLowerCase(Locale.ROOT).equals(first));
        String remainder = registry ? image.substring(slash + 1) : image;
        int colon = remainder.indexOf(':');
        String repository = colon < 0 ? remainder : remainder.substring(0, colon);
        int at = repository.indexOf('@');
        repository = at < 0 ? repository : repository.substring(0, at);
        if (!repository.toLowerCase(Locale.ROOT).equals(repository)) {
            return "has upper-case letters in the repository name (it must be lower case)";
        }
        var m = REFERENCE.matcher(image);
        if (!m.matches()) {
            if (image.isEmpty()) {
                return "is empty";
            }
            if (image.endsWith(":") || image.endsWith("@")) {
                return "ends with an empty tag or digest";
            }
            if (image.chars().anyMatch(Character::isWhitespace)) {
                return "contains whitespace";
            }
            return "is not a valid reference ([registry/]repository[:tag][@digest]: lower-case repository, "
                    + "tag of letters, digits, '_', '.' and '-')";
        }
        if (m.group(1).length() > 255) {
            return "has a repository name longer than 255 characters";
        }
        return null;
    }
}
