package io.kgate.cel;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.OpaqueType;
import dev.cel.common.types.OptionalType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import io.kgate.model.IpAddresses;
import io.kgate.model.Quantity;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * kgate's own implementations of the Kubernetes CEL libraries that make sense offline: quantity,
 * url, ip and cidr, format, the Kubernetes list functions (sum, min, max, isSorted, indexOf,
 * lastIndexOf) and regex (find, findAll). Semantics follow k8s.io/apiserver/pkg/cel/library; nothing
 * here resolves names or opens a connection (IP literals are checked before InetAddress sees them).
 */
final class KubeLibrary {
    static final OpaqueType QUANTITY = OpaqueType.create("kubernetes.Quantity");
    static final OpaqueType URL = OpaqueType.create("kubernetes.URL");
    static final OpaqueType IP = OpaqueType.create("net.IP");
    static final OpaqueType CIDR = OpaqueType.create("net.CIDR");
    static final OpaqueType FORMAT = OpaqueType.create("kubernetes.NamedFormat");

    private static final CelType STRING = SimpleType.STRING;
    private static final CelType BOOL = SimpleType.BOOL;
    private static final CelType INT = SimpleType.INT;
    private static final CelType DYN = SimpleType.DYN;
    private static final CelType LIST = ListType.create(DYN);

    /** A Kubernetes quantity, compared by value ("1Gi" equals "1024Mi"). */
    record KubeQuantity(BigDecimal value) {
        KubeQuantity {
            value = value.stripTrailingZeros();
        }
    }

    record KubeUrl(URI uri) {
    }

    record KubeIp(InetAddress address) {
        int family() {
            return address.getAddress().length == 4 ? 4 : 6;
        }
    }

    record KubeCidr(KubeIp ip, int prefix) {
    }

    record KubeFormat(String name, Function<String, List<String>> check) {
    }

    private KubeLibrary() {
    }

    static List<CelFunctionDecl> declarations() {
        List<CelFunctionDecl> d = new ArrayList<>();
        // quantity
        d.add(global("quantity", "kgate_string_to_quantity", QUANTITY, STRING));
        d.add(global("isQuantity", "kgate_is_quantity_string", BOOL, STRING));
        d.add(member("sign", "kgate_quantity_sign", INT, QUANTITY));
        d.add(member("isInteger", "kgate_quantity_is_integer", BOOL, QUANTITY));
        d.add(member("asInteger", "kgate_quantity_as_integer", INT, QUANTITY));
        d.add(member("asApproximateFloat", "kgate_quantity_as_float", SimpleType.DOUBLE, QUANTITY));
        d.add(CelFunctionDecl.newFunctionDeclaration("add",
                CelOverloadDecl.newMemberOverload("kgate_quantity_add", QUANTITY, QUANTITY, QUANTITY),
                CelOverloadDecl.newMemberOverload("kgate_quantity_add_int", QUANTITY, QUANTITY, INT)));
        d.add(CelFunctionDecl.newFunctionDeclaration("sub",
                CelOverloadDecl.newMemberOverload("kgate_quantity_sub", QUANTITY, QUANTITY, QUANTITY),
                CelOverloadDecl.newMemberOverload("kgate_quantity_sub_int", QUANTITY, QUANTITY, INT)));
        d.add(member("isGreaterThan", "kgate_quantity_is_greater_than", BOOL, QUANTITY, QUANTITY));
        d.add(member("isLessThan", "kgate_quantity_is_less_than", BOOL, QUANTITY, QUANTITY));
        d.add(member("compareTo", "kgate_quantity_compare_to", INT, QUANTITY, QUANTITY));
        // url
        d.add(global("url", "kgate_string_to_url", URL, STRING));
        d.add(global("isURL", "kgate_is_url_string", BOOL, STRING));
        d.add(member("getScheme", "kgate_url_get_scheme", STRING, URL));
        d.add(member("getHost", "kgate_url_get_host", STRING, URL));
        d.add(member("getHostname", "kgate_url_get_hostname", STRING, URL));
        d.add(member("getPort", "kgate_url_get_port", STRING, URL));
        d.add(member("getEscapedPath", "kgate_url_get_escaped_path", STRING, URL));
        d.add(member("getQuery", "kgate_url_get_query", MapType.create(STRING, ListType.create(STRING)), URL));
        // ip and cidr
        d.add(CelFunctionDecl.newFunctionDeclaration("ip",
                CelOverloadDecl.newGlobalOverload("kgate_string_to_ip", IP, STRING),
                CelOverloadDecl.newMemberOverload("kgate_cidr_ip", IP, CIDR)));
        d.add(global("isIP", "kgate_is_ip_string", BOOL, STRING));
        d.add(global("ip.isCanonical", "kgate_ip_is_canonical", BOOL, STRING));
        d.add(member("family", "kgate_ip_family", INT, IP));
        d.add(member("isUnspecified", "kgate_ip_is_unspecified", BOOL, IP));
        d.add(member("isLoopback", "kgate_ip_is_loopback", BOOL, IP));
        d.add(member("isLinkLocalMulticast", "kgate_ip_is_link_local_multicast", BOOL, IP));
        d.add(member("isLinkLocalUnicast", "kgate_ip_is_link_local_unicast", BOOL, IP));
        d.add(member("isGlobalUnicast", "kgate_ip_is_global_unicast", BOOL, IP));
        d.add(global("cidr", "kgate_string_to_cidr", CIDR, STRING));
        d.add(global("isCIDR", "kgate_is_cidr_string", BOOL, STRING));
        d.add(CelFunctionDecl.newFunctionDeclaration("containsIP",
                CelOverloadDecl.newMemberOverload("kgate_cidr_contains_ip", BOOL, CIDR, IP),
                CelOverloadDecl.newMemberOverload("kgate_cidr_contains_ip_string", BOOL, CIDR, STRING)));
        d.add(CelFunctionDecl.newFunctionDeclaration("containsCIDR",
                CelOverloadDecl.newMemberOverload("kgate_cidr_contains_cidr", BOOL, CIDR, CIDR),
                CelOverloadDecl.newMemberOverload("kgate_cidr_contains_cidr_string", BOOL, CIDR, STRING)));
        d.add(member("masked", "kgate_cidr_masked", CIDR, CIDR));
        d.add(member("prefixLength", "kgate_cidr_prefix_length", INT, CIDR));
        // format
        for (String name : Formats.NAMES) {
            d.add(global("format." + name, "kgate_format_" + name, FORMAT));
        }
        d.add(global("format.named", "kgate_format_named", OptionalType.create(FORMAT), STRING));
        d.add(member("validate", "kgate_format_validate", OptionalType.create(ListType.create(STRING)), FORMAT,
                STRING));
        // Kubernetes list library (the receiver is dyn: the elements' type is checked at run time)
        d.add(member("isSorted", "kgate_list_is_sorted", BOOL, LIST));
        d.add(member("sum", "kgate_list_sum", DYN, LIST));
        d.add(member("min", "kgate_list_min", DYN, LIST));
        d.add(member("max", "kgate_list_max", DYN, LIST));
        d.add(CelFunctionDecl.newFunctionDeclaration("indexOf",
                CelOverloadDecl.newMemberOverload("kgate_list_index_of", INT, LIST, DYN)));
        d.add(CelFunctionDecl.newFunctionDeclaration("lastIndexOf",
                CelOverloadDecl.newMemberOverload("kgate_list_last_index_of", INT, LIST, DYN)));
        // Kubernetes regex library
        d.add(member("find", "kgate_string_find", STRING, STRING, STRING));
        d.add(CelFunctionDecl.newFunctionDeclaration("findAll",
                CelOverloadDecl.newMemberOverload("kgate_string_find_all", ListType.create(STRING), STRING, STRING),
                CelOverloadDecl.newMemberOverload("kgate_string_find_all_n", ListType.create(STRING), STRING, STRING,
                        INT)));
        return d;
    }

    private static CelFunctionDecl global(String name, String id, CelType result, CelType... args) {
        return CelFunctionDecl.newFunctionDeclaration(name, CelOverloadDecl.newGlobalOverload(id, result, args));
    }

    private static CelFunctionDecl member(String name, String id, CelType result, CelType... args) {
        return CelFunctionDecl.newFunctionDeclaration(name, CelOverloadDecl.newMemberOverload(id, result, args));
    }

    static List<CelFunctionBinding> bindings() {
        List<CelFunctionBinding> b = new ArrayList<>();
        // quantity
        b.add(CelFunctionBinding.from("kgate_string_to_quantity", String.class, KubeLibrary::quantity));
        b.add(CelFunctionBinding.from("kgate_is_quantity_string", String.class, s -> Quantity.parse(s).isPresent()));
        b.add(CelFunctionBinding.from("kgate_quantity_sign", KubeQuantity.class, q -> (long) q.value().signum()));
        b.add(CelFunctionBinding.from("kgate_quantity_is_integer", KubeQuantity.class, KubeLibrary::isInt64));
        b.add(CelFunctionBinding.from("kgate_quantity_as_integer", KubeQuantity.class, q -> {
            if (!isInt64(q)) {
                throw new CelEvaluationException("cannot convert value to integer");
            }
            return q.value().longValueExact();
        }));
        b.add(CelFunctionBinding.from("kgate_quantity_as_float", KubeQuantity.class, q -> q.value().doubleValue()));
        b.add(CelFunctionBinding.from("kgate_quantity_add", KubeQuantity.class, KubeQuantity.class,
                (x, y) -> new KubeQuantity(x.value().add(y.value()))));
        b.add(CelFunctionBinding.from("kgate_quantity_add_int", KubeQuantity.class, Long.class,
                (x, y) -> new KubeQuantity(x.value().add(BigDecimal.valueOf(y)))));
        b.add(CelFunctionBinding.from("kgate_quantity_sub", KubeQuantity.class, KubeQuantity.class,
                (x, y) -> new KubeQuantity(x.value().subtract(y.value()))));
        b.add(CelFunctionBinding.from("kgate_quantity_sub_int", KubeQuantity.class, Long.class,
                (x, y) -> new KubeQuantity(x.value().subtract(BigDecimal.valueOf(y)))));
        b.add(CelFunctionBinding.from("kgate_quantity_is_greater_than", KubeQuantity.class, KubeQuantity.class,
                (x, y) -> x.value().compareTo(y.value()) > 0));
        b.add(CelFunctionBinding.from("kgate_quantity_is_less_than", KubeQuantity.class, KubeQuantity.class,
                (x, y) -> x.value().compareTo(y.value()) < 0));
        b.add(CelFunctionBinding.from("kgate_quantity_compare_to", KubeQuantity.class, KubeQuantity.class,
                (x, y) -> (long) x.value().compareTo(y.value())));
        // url
        b.add(CelFunctionBinding.from("kgate_string_to_url", String.class, KubeLibrary::url));
        b.add(CelFunctionBinding.from("kgate_is_url_string", String.class, s -> parseUrl(s) != null));
        b.add(CelFunctionBinding.from("kgate_url_get_scheme", KubeUrl.class, u -> nonNull(u.uri().getScheme())));
        b.add(CelFunctionBinding.from("kgate_url_get_host", KubeUrl.class, u -> nonNull(u.uri().getRawAuthority())
                .replaceFirst("^[^@]*@", "")));
        b.add(CelFunctionBinding.from("kgate_url_get_hostname", KubeUrl.class, u -> {
            String h = nonNull(u.uri().getHost());
            return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
        }));
        b.add(CelFunctionBinding.from("kgate_url_get_port", KubeUrl.class,
                u -> u.uri().getPort() < 0 ? "" : Integer.toString(u.uri().getPort())));
        b.add(CelFunctionBinding.from("kgate_url_get_escaped_path", KubeUrl.class, u -> nonNull(u.uri().getRawPath())));
        b.add(CelFunctionBinding.from("kgate_url_get_query", KubeUrl.class, KubeLibrary::query));
        // ip and cidr
        b.add(CelFunctionBinding.from("kgate_string_to_ip", String.class, KubeLibrary::ip));
        b.add(CelFunctionBinding.from("kgate_cidr_ip", KubeCidr.class, KubeCidr::ip));
        b.add(CelFunctionBinding.from("kgate_is_ip_string", String.class, s -> parseIp(s) != null));
        b.add(CelFunctionBinding.from("kgate_ip_is_canonical", String.class, s -> {
            KubeIp ip = ip(s);
            return canonical(ip).equals(s);
        }));
        b.add(CelFunctionBinding.from("kgate_ip_family", KubeIp.class, ip -> (long) ip.family()));
        b.add(CelFunctionBinding.from("kgate_ip_is_unspecified", KubeIp.class, ip -> ip.address().isAnyLocalAddress()));
        b.add(CelFunctionBinding.from("kgate_ip_is_loopback", KubeIp.class, ip -> ip.address().isLoopbackAddress()));
        b.add(CelFunctionBinding.from("kgate_ip_is_link_local_multicast", KubeIp.class, KubeLibrary::linkLocalMulticast));
        b.add(CelFunctionBinding.from("kgate_ip_is_link_local_unicast", KubeIp.class,
                ip -> ip.address().isLinkLocalAddress()));
        b.add(CelFunctionBinding.from("kgate_ip_is_global_unicast", KubeIp.class, KubeLibrary::globalUnicast));
        b.add(CelFunctionBinding.from("kgate_string_to_cidr", String.class, KubeLibrary::cidr));
        b.add(CelFunctionBinding.from("kgate_is_cidr_string", String.class, s -> parseCidr(s) != null));
        b.add(CelFunctionBinding.from("kgate_cidr_contains_ip", KubeCidr.class, KubeIp.class, KubeLibrary::contains));
        b.add(CelFunctionBinding.from("kgate_cidr_contains_ip_string", KubeCidr.class, String.class,
                (c, s) -> contains(c, ip(s))));
        b.add(CelFunctionBinding.from("kgate_cidr_contains_cidr", KubeCidr.class, KubeCidr.class,
                (c, o) -> o.prefix() >= c.prefix() && contains(c, o.ip())));
        b.add(CelFunctionBinding.from("kgate_cidr_contains_cidr_string", KubeCidr.class, String.class, (c, s) -> {
            KubeCidr o = cidr(s);
            return o.prefix() >= c.prefix() && contains(c, o.ip());
        }));
        b.add(CelFunctionBinding.from("kgate_cidr_masked", KubeCidr.class, c -> new KubeCidr(mask(c), c.prefix())));
        b.add(CelFunctionBinding.from("kgate_cidr_prefix_length", KubeCidr.class, c -> (long) c.prefix()));
        // format
        for (String name : Formats.NAMES) {
            KubeFormat f = new KubeFormat(name, Formats.check(name));
            b.add(CelFunctionBinding.from("kgate_format_" + name, List.of(), args -> f));
        }
        b.add(CelFunctionBinding.from("kgate_format_named", String.class,
                n -> Formats.NAMES.contains(n) ? Optional.of(new KubeFormat(n, Formats.check(n))) : Optional.empty()));
        b.add(CelFunctionBinding.from("kgate_format_validate", KubeFormat.class, String.class, (f, s) -> {
            List<String> errors = f.check().apply(s);
            return errors.isEmpty() ? Optional.empty() : Optional.of(errors);
        }));
        // lists
        b.add(CelFunctionBinding.from("kgate_list_is_sorted", List.class, KubeLibrary::isSorted));
        b.add(CelFunctionBinding.from("kgate_list_sum", List.class, KubeLibrary::sum));
        b.add(CelFunctionBinding.from("kgate_list_min", List.class, l -> extreme(l, -1)));
        b.add(CelFunctionBinding.from("kgate_list_max", List.class, l -> extreme(l, 1)));
        b.add(CelFunctionBinding.from("kgate_list_index_of", List.class, Object.class, (l, x) -> (long) indexOf(l, x)));
        b.add(CelFunctionBinding.from("kgate_list_last_index_of", List.class, Object.class,
                (l, x) -> (long) lastIndexOf(l, x)));
        // regex
        b.add(CelFunctionBinding.from("kgate_string_find", String.class, String.class, (s, re) -> {
            Matcher m = regex(re).matcher(s);
            return m.find() ? m.group() : "";
        }));
        b.add(CelFunctionBinding.from("kgate_string_find_all", String.class, String.class,
                (s, re) -> findAll(s, re, -1)));
        b.add(CelFunctionBinding.from("kgate_string_find_all_n", List.of(String.class, String.class, Long.class),
                args -> findAll((String) args[0], (String) args[1], (Long) args[2])));
        return b;
    }

    // ---- quantity

    private static KubeQuantity quantity(String s) throws CelEvaluationException {
        Optional<BigDecimal> v = Quantity.parse(s);
        if (v.isEmpty()) {
            throw new CelEvaluationException("quantities must match the regular expression "
                    + "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$': \"" + s + "\"");
        }
        return new KubeQuantity(v.get());
    }

    private static boolean isInt64(KubeQuantity q) {
        BigDecimal v = q.value();
        if (v.signum() != 0 && v.scale() > 0) {
            return false;
        }
        BigInteger i = v.toBigInteger();
        return i.bitLength() < 64;
    }

    // ---- url

    /** Go's url.ParseRequestURI: an absolute URI or an absolute path; null when not. */
    private static URI parseUrl(String s) {
        if (s.isEmpty() || s.contains(" ")) {
            return null;
        }
        try {
            URI u = new URI(s);
            if (u.isAbsolute() || (u.getRawPath() != null && u.getRawPath().startsWith("/"))) {
                return u;
            }
        } catch (URISyntaxException e) {
            return null;
        }
        return null;
    }

    private static KubeUrl url(String s) throws CelEvaluationException {
        URI u = parseUrl(s);
        if (u == null) {
            throw new CelEvaluationException("URL parse error during conversion from string: parse \"" + s
                    + "\": invalid URI for request");
        }
        return new KubeUrl(u);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static Map<String, List<String>> query(KubeUrl u) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        String q = u.uri().getRawQuery();
        if (q == null || q.isEmpty()) {
            return out;
        }
        for (String pair : q.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = decode(eq < 0 ? pair : pair.substring(0, eq));
            String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    // ---- ip and cidr

    /** An IP literal (never a host name: those are refused before InetAddress could look them up). */
    private static KubeIp parseIp(String s) {
        if (!IpAddresses.isIp(s)) {
            return null;
        }
        try {
            return new KubeIp(InetAddress.getByName(s));
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static KubeIp ip(String s) throws CelEvaluationException {
        KubeIp ip = parseIp(s);
        if (ip == null) {
            throw new CelEvaluationException("IP Address \"" + s + "\" parse error during conversion from string");
        }
        if (s.contains(":") && s.contains(".")) {
            throw new CelEvaluationException("IPv4-mapped IPv6 address \"" + s + "\" is not allowed");
        }
        return ip;
    }

    private static String canonical(KubeIp ip) {
        String text = ip.address().getHostAddress();
        if (ip.family() == 4) {
            return text;
        }
        // RFC 5952: lower case, no leading zeros, the longest run of zero groups compressed
        String[] groups = text.split(":");
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < groups.length; i++) {
            int j = i;
            while (j < groups.length && groups[j].equals("0")) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
        }
        if (bestStart < 0) {
            return String.join(":", groups);
        }
        String head = String.join(":", List.of(groups).subList(0, bestStart));
        String tail = String.join(":", List.of(groups).subList(bestStart + bestLen, groups.length));
        return head + "::" + tail;
    }

    private static boolean linkLocalMulticast(KubeIp ip) {
        byte[] a = ip.address().getAddress();
        if (a.length == 4) {
            return (a[0] & 0xff) == 224 && a[1] == 0 && a[2] == 0;
        }
        return (a[0] & 0xff) == 0xff && (a[1] & 0x0f) == 0x02;
    }

    /** Go's IP.IsGlobalUnicast: not unspecified, loopback, multicast, link-local or broadcast. */
    private static boolean globalUnicast(KubeIp ip) {
        InetAddress a = ip.address();
        byte[] b = a.getAddress();
        boolean broadcast = b.length == 4 && (b[0] & b[1] & b[2] & b[3] & 0xff) == 0xff;
        return !a.isAnyLocalAddress() && !a.isLoopbackAddress() && !a.isMulticastAddress()
                && !a.isLinkLocalAddress() && !broadcast;
    }

    private static KubeCidr parseCidr(String s) {
        int slash = s.indexOf('/');
        if (slash < 0) {
            return null;
        }
        KubeIp ip = parseIp(s.substring(0, slash));
        String len = s.substring(slash + 1);
        if (ip == null || len.isEmpty() || len.length() > 3 || !len.chars().allMatch(Character::isDigit)) {
            return null;
        }
        int prefix = Integer.parseInt(len);
        return prefix > ip.address().getAddress().length * 8 ? null : new KubeCidr(ip, prefix);
    }

    private static KubeCidr cidr(String s) throws CelEvaluationException {
        KubeCidr c = parseCidr(s);
        if (c == null) {
            throw new CelEvaluationException("network address parse error during conversion from string: \"" + s
                    + "\" is not a CIDR");
        }
        return c;
    }

    private static KubeIp mask(KubeCidr c) {
        byte[] a = c.ip().address().getAddress().clone();
        for (int bit = c.prefix(); bit < a.length * 8; bit++) {
            a[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        try {
            return new KubeIp(InetAddress.getByAddress(a));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // a byte array of length 4 or 16 is always valid
        }
    }

    private static boolean contains(KubeCidr c, KubeIp ip) {
        return ip.family() == c.ip().family() && mask(new KubeCidr(ip, c.prefix())).equals(mask(c));
    }

    // ---- lists

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) throws CelEvaluationException {
        if (a instanceof Number x && b instanceof Number y && a.getClass() == b.getClass() && a instanceof Comparable c) {
            return c.compareTo(y);
        }
        if (a instanceof Comparable c && a.getClass() == b.getClass()) {
            return c.compareTo(b);
        }
        if (a instanceof KubeQuantity x && b instanceof KubeQuantity y) {
            return x.value().compareTo(y.value());
        }
        throw new CelEvaluationException("no such overload: cannot compare " + a.getClass().getSimpleName() + " and "
                + b.getClass().getSimpleName());
    }

    private static boolean isSorted(List<?> l) throws CelEvaluationException {
        for (int i = 1; i < l.size(); i++) {
            if (compare(l.get(i - 1), l.get(i)) > 0) {
                return false;
            }
        }
        return true;
    }

    private static Object sum(List<?> l) throws CelEvaluationException {
        if (l.isEmpty()) {
            return 0L;
        }
        Object first = l.get(0);
        if (first instanceof Long) {
            long s = 0;
            for (Object o : l) {
                if (!(o instanceof Long v)) {
                    throw new CelEvaluationException("no such overload: sum over mixed types");
                }
                try {
                    s = Math.addExact(s, v);
                } catch (ArithmeticException e) {
                    throw new CelEvaluationException("integer overflow");
                }
            }
            return s;
        }
        if (first instanceof Double) {
            double s = 0;
            for (Object o : l) {
                if (!(o instanceof Double v)) {
                    throw new CelEvaluationException("no such overload: sum over mixed types");
                }
                s += v;
            }
            return s;
        }
        throw new CelEvaluationException("no such overload: sum over " + first.getClass().getSimpleName());
    }

    private static Object extreme(List<?> l, int sign) throws CelEvaluationException {
        if (l.isEmpty()) {
            throw new CelEvaluationException((sign < 0 ? "min" : "max") + " called on empty list");
        }
        Object best = l.get(0);
        for (Object o : l) {
            if (compare(o, best) * sign > 0) {
                best = o;
            }
        }
        return best;
    }

    private static int indexOf(List<?> l, Object x) {
        for (int i = 0; i < l.size(); i++) {
            if (java.util.Objects.equals(l.get(i), x)) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(List<?> l, Object x) {
        for (int i = l.size() - 1; i >= 0; i--) {
            if (java.util.Objects.equals(l.get(i), x)) {
                return i;
            }
        }
        return -1;
    }

    // ---- regex (RE2 syntax, like Go: linear time, no backtracking)

    private static Pattern regex(String re) throws CelEvaluationException {
        try {
            return Pattern.compile(re);
        } catch (PatternSyntaxException e) {
            throw new CelEvaluationException("invalid regular expression: " + e.getMessage());
        }
    }

    private static List<String> findAll(String s, String re, long limit) throws CelEvaluationException {
        List<String> out = new ArrayList<>();
        Matcher m = regex(re).matcher(s);
        while ((limit < 0 || out.size() < limit) && m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** The named formats of the Kubernetes format library and their checks (k8s.io/apimachinery validation). */
    static final class Formats {
        static final List<String> NAMES = List.of("dns1123Label", "dns1123Subdomain", "dns1035Label", "qualifiedName",
                "dns1123LabelPrefix", "dns1123SubdomainPrefix", "dns1035LabelPrefix", "labelValue", "uri", "uuid",
                "byte", "date", "datetime");
        private static final java.util.regex.Pattern LABEL = java.util.regex.Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
        private static final java.util.regex.Pattern SUBDOMAIN = java.util.regex.Pattern.compile(
                "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
        private static final java.util.regex.Pattern LABEL_1035 = java.util.regex.Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
        private static final java.util.regex.Pattern QUALIFIED = java.util.regex.Pattern.compile(
                "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
        private static final java.util.regex.Pattern UUID = java.util.regex.Pattern.compile(
                "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

        private Formats() {
        }

        static Function<String, List<String>> check(String name) {
            return switch (name) {
                case "dns1123Label" -> s -> pattern(s, LABEL, 63, "a lowercase RFC 1123 label");
                case "dns1123Subdomain" -> s -> pattern(s, SUBDOMAIN, 253, "a lowercase RFC 1123 subdomain");
                case "dns1035Label" -> s -> pattern(s, LABEL_1035, 63, "a DNS-1035 label");
                case "dns1123LabelPrefix" -> s -> pattern(trimDash(s), LABEL, 63, "a lowercase RFC 1123 label");
                case "dns1123SubdomainPrefix" -> s -> pattern(trimDash(s), SUBDOMAIN, 253,
                        "a lowercase RFC 1123 subdomain");
                case "dns1035LabelPrefix" -> s -> pattern(trimDash(s), LABEL_1035, 63, "a DNS-1035 label");
                case "qualifiedName" -> Formats::qualifiedName;
                case "labelValue" -> s -> s.isEmpty() ? List.of() : pattern(s, QUALIFIED, 63, "a valid label value");
                case "uri" -> s -> parseUrl(s) != null ? List.of() : List.of("must be a valid URI");
                case "uuid" -> s -> UUID.matcher(s).matches() ? List.of() : List.of("does not match the UUID format");
                case "byte" -> s -> {
                    try {
                        Base64.getDecoder().decode(s);
                        return List.of();
                    } catch (IllegalArgumentException e) {
                        return List.of("invalid base64");
                    }
                };
                case "date" -> s -> parses(s, java.time.LocalDate::parse, "invalid date");
                case "datetime" -> s -> parses(s, java.time.OffsetDateTime::parse, "invalid datetime");
                default -> throw new IllegalArgumentException(name);
            };
        }

        private static String trimDash(String s) {
            return s.endsWith("-") ? s.substring(0, s.length() - 1) : s;
        }

        private static List<String> pattern(String s, java.util.regex.Pattern p, int max, String what) {
            List<String> out = new ArrayList<>();
            if (s.length() > max) {
                out.add("must be no more than " + max + " characters");
            }
            if (!p.matcher(s).matches()) {
                out.add("must be " + what);
            }
            return out;
        }

        private static List<String> qualifiedName(String s) {
            int slash = s.indexOf('/');
            List<String> out = new ArrayList<>();
            String name = s;
            if (slash >= 0) {
                String prefix = s.substring(0, slash);
                name = s.substring(slash + 1);
                if (prefix.isEmpty()) {
                    out.add("prefix part must be non-empty");
                } else {
                    out.addAll(pattern(prefix, SUBDOMAIN, 253, "a lowercase RFC 1123 subdomain"));
                }
            }
            out.addAll(pattern(name, QUALIFIED, 63, "a valid qualified name"));
            return out;
        }

        private static List<String> parses(String s, Function<String, Object> parser, String error) {
            try {
                parser.apply(s);
                return List.of();
            } catch (java.time.format.DateTimeParseException e) {
                return List.of(error);
            }
        }
    }
}
