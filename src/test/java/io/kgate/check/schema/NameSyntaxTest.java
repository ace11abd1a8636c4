package io.kgate.check.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-written name syntaxes accept exactly what the API server's regular expressions
 * (k8s.io/apimachinery validation) accept, on every short string over an alphabet of each
 * character class the syntaxes tell apart, and on random longer ones.
 */
class NameSyntaxTest {
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile(
            "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern QUALIFIED_NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern DNS_1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final String ALPHABET = "az09AZ-._/ é";

    @Test
    void everyShortStringIsJudgedAsByTheRegularExpressions() {
        for (int length = 0; length <= 4; length++) {
            int[] digits = new int[length];
            while (true) {
                StringBuilder sb = new StringBuilder();
                for (int d : digits) {
                    sb.append(ALPHABET.charAt(d));
                }
                compare(sb.toString());
                int i = length - 1;
                while (i >= 0 && ++digits[i] == ALPHABET.length()) {
                    digits[i--] = 0;
                }
                if (i < 0) {
                    break;
                }
            }
        }
    }

    @Test
    void randomLongerStringsAreJudgedAsByTheRegularExpressions() {
        Random random = new Random(11);
        for (int n = 0; n < 100_000; n++) {
            StringBuilder sb = new StringBuilder();
            int length = 5 + random.nextInt(20);
            for (int i = 0; i < length; i++) {
                // mostly valid characters, so that valid names are common too
                sb.append(random.nextInt(8) == 0 ? ALPHABET.charAt(random.nextInt(ALPHABET.length()))
                        : "abcxyz0189-.".charAt(random.nextInt(12)));
            }
            compare(sb.toString());
        }
    }

    private static void compare(String s) {
        assertEquals(DNS_LABEL.matcher(s).matches() && s.length() <= 63, NameSyntax.dnsLabel(s) == null, s);
        assertEquals(DNS_SUBDOMAIN.matcher(s).matches() && s.length() <= 253, NameSyntax.dnsSubdomain(s) == null, s);
        assertEquals(DNS_1035_LABEL.matcher(s).matches() && s.length() <= 63, NameSyntax.dns1035Label(s) == null, s);
        assertEquals(QUALIFIED_NAME.matcher(s).matches() && s.length() <= 63, NameSyntax.labelValue(s) == null, s);
        boolean qualified = s.indexOf('/') < 0 ? QUALIFIED_NAME.matcher(s).matches() && s.length() <= 63
                : DNS_SUBDOMAIN.matcher(s.substring(0, s.indexOf('/'))).matches() && s.indexOf('/') <= 253
                        && QUALIFIED_NAME.matcher(s.substring(s.indexOf('/') + 1)).matches()
                        && s.length() - s.indexOf('/') - 1 <= 63;
        assertEquals(qualified, NameSyntax.qualifiedName(s) == null, s);
    }
}
