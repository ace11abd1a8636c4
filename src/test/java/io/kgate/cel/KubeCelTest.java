package io.kgate.cel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kgate.load.YamlText;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** kgate's Kubernetes CEL libraries and the bounds of evaluation, expression by expression. */
@Tag("in-process")
class KubeCelTest {
    private static final Map<String, Object> SELF = Map.of("self", CelValues.plain(Map.of(
            "name", "web", "replicas", 3, "list", List.of(3, 1, 2), "tags", List.of("a", "b"))));

    private static Object eval(String expression) {
        KubeCel.Compiled c = KubeCel.get().compile(expression, List.of("self"));
        KubeCel.Program p = assertInstanceOf(KubeCel.Program.class, c, () -> expression + ": " + c);
        KubeCel.Result r = KubeCel.evaluate(p, SELF);
        return r instanceof KubeCel.Value v ? v.value() : r;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            quantity('1Gi').isGreaterThan(quantity('1000Mi'))            | true
            quantity('500m').isLessThan(quantity('1'))                   | true
            quantity('1Gi') == quantity('1024Mi')                        | true
            quantity('1.5').isInteger()                                  | false
            quantity('2k').asInteger()                                   | 2000
            quantity('1Gi').add(quantity('1Gi')).compareTo(quantity('2Gi')) | 0
            quantity('1').sub(2).sign()                                  | -1
            isQuantity('12 Mi')                                          | false
            isQuantity('12Mi')                                           | true
            isIP('10.0.0.1') && !isIP('10.0.0.256') && isIP('fd00::1')   | true
            isIP('example.com')                                          | false
            ip('10.0.0.1').family() == 4 && ip('::1').family() == 6      | true
            ip('127.0.0.1').isLoopback() && ip('0.0.0.0').isUnspecified() | true
            ip('169.254.1.1').isLinkLocalUnicast() && ip('10.1.2.3').isGlobalUnicast() | true
            ip.isCanonical('2001:db8::1') && !ip.isCanonical('2001:DB8::1') | true
            cidr('10.0.0.0/8').containsIP('10.42.0.1')                   | true
            cidr('10.0.0.0/8').containsIP(ip('192.168.0.1'))             | false
            cidr('10.0.0.0/8').containsCIDR('10.1.0.0/16')               | true
            cidr('10.1.2.3/16').masked() == cidr('10.1.0.0/16')          | true
            cidr('fd00::/8').prefixLength()                              | 8
            isCIDR('10.0.0.0/33')                                        | false
            isURL('https://example.com/a?b=c') && !isURL('example.com')  | true
            url('https://user@example.com:8443/a%20b?x=1&x=2').getHost() | example.com:8443
            url('https://[::1]:80/').getHostname()                       | ::1
            url('https://example.com:8443/').getPort()                   | 8443
            url('https://example.com/a%20b').getEscapedPath()            | /a%20b
            url('https://example.com/?x=1&x=2').getQuery()['x'][1]       | 2
            format.dns1123Label().validate('Web') != optional.none()     | true
            format.dns1123Label().validate('web') == optional.none()     | true
            format.named('labelValue').hasValue()                        | true
            format.named('nope').hasValue()                              | false
            format.qualifiedName().validate('app.kubernetes.io/name').hasValue() | false
            self.list.sum()                                              | 6
            self.list.min() + self.list.max()                            | 4
            !self.list.isSorted() && self.tags.isSorted()                | true
            self.tags.indexOf('b') + self.tags.lastIndexOf('z')          | 0
            'v1.2.3'.find('[0-9]+')                                      | 1
            'v1.2.3'.findAll('[0-9]+').size()                            | 3
            'a1b2c3'.findAll('[0-9]', 2).size()                          | 2
            self.name.upperAscii() + '-' + self.name.replace('w', 'W')   | WEB-Web
            sets.contains(self.tags, ['a'])                              | true
            math.greatest(self.list)                                     | 3
            self.list.sort()[0]                                          | 1
            self.replicas > 2.5                                          | true
            self.?missing.orValue('none')                                | none
            cel.bind(x, self.replicas, x * x)                            | 9
            base64.encode(b'hi')                                         | aGk=
            self.tags.all(i, t, i >= 0 && t != '')                       | true
            """)
    void librariesGiveTheKubernetesResults(String expression, String expected) {
        assertEquals(expected, String.valueOf(eval(expression)));
    }

    @Test
    void errorsAreValuesNotExceptions() {
        Object r = eval("self.missing > 1");
        assertEquals(new KubeCel.Failure("no such key: missing", false), r);
        assertInstanceOf(KubeCel.Failure.class, eval("quantity('12 parsecs')"));
        assertInstanceOf(KubeCel.Failure.class, eval("ip('example.com')"));
        assertInstanceOf(KubeCel.Failure.class, eval("[].min()"));
        assertInstanceOf(KubeCel.Failure.class, eval("9223372036854775807 + 1"));
    }

    @Test
    void evaluationIsBoundedInCost() {
        Object r = eval("[1,2,3,4,5,6,7,8,9,10].all(a, [1,2,3,4,5,6,7,8,9,10].all(b, "
                + "[1,2,3,4,5,6,7,8,9,10].all(c, [1,2,3,4,5,6,7,8,9,10].all(d, "
                + "[1,2,3,4,5,6,7,8,9,10].all(e, a + b + c + d + e > 0)))))");
        KubeCel.Failure f = assertInstanceOf(KubeCel.Failure.class, r);
        assertTrue(f.limit(), f::toString);
    }

    @Test
    void kubernetesFunctionsKgateLacksAreUnsupportedNotErrors() {
        assertEquals(new KubeCel.Unsupported("isSemver"),
                KubeCel.get().compile("isSemver(self.version)", List.of("self")));
        assertEquals(new KubeCel.Unsupported("authorizer"),
                KubeCel.get().compile("authorizer.group('').resource('pods').check('get').allowed()",
                        List.of("object")));
        KubeCel.CompileError e = assertInstanceOf(KubeCel.CompileError.class,
                KubeCel.get().compile("self.x +", List.of("self")));
        assertEquals(9, e.column());
        assertInstanceOf(KubeCel.CompileError.class, KubeCel.get().compile("nosuchfunction(self)", List.of("self")));
    }

    /** A manifest node read through CelValues' views, and the same values built as plain Java values. */
    private static final String NODE_YAML = """
            metadata:
              name: web
              labels: {app: web, tier: front}
              annotations: {app: web, tier: front}
            spec:
              replicas: 3
              ratio: 0.5
              big: 123456789012345678901234567890
              paused: false
              nothing: null
              ports: [80, 443]
              containers:
                - {name: nginx, image: nginx, args: [a, b]}
                - {name: sidecar}
            """;
    /** The same values as plain Java values ({@code nothing}: CEL's null, which plain() cannot take in a Map.of). */
    private static Object plainValues() {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("replicas", 3);
        spec.put("ratio", 0.5);
        spec.put("big", new BigInteger("123456789012345678901234567890"));
        spec.put("paused", false);
        spec.put("nothing", null);
        spec.put("ports", List.of(80, 443));
        spec.put("containers", List.of(Map.of("name", "nginx", "image", "nginx", "args", List.of("a", "b")),
                Map.of("name", "sidecar")));
        Map<String, Object> labels = new LinkedHashMap<>(); // in written order, as the map(k, ...) case reads them
        labels.put("app", "web");
        labels.put("tier", "front");
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("metadata", Map.of("name", "web", "labels", labels, "annotations", labels));
        root.put("spec", spec);
        return CelValues.plain(root);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            self.metadata == {'name': 'web', 'labels': {'tier': 'front', 'app': 'web'}}
            {'name': 'web', 'labels': {'app': 'web', 'tier': 'front'}} == self.metadata
            self.metadata.labels != {'app': 'web'}
            self.spec.ports == [80, 443] && [80, 443] == self.spec.ports
            self.spec.containers[0].args == ['a', 'b']
            'tier' in self.metadata.labels && !('zone' in self.metadata.labels)
            self.metadata.labels.all(k, self.metadata.labels[k] != '')
            self.metadata.labels.exists(k, k == 'app')
            self.metadata.labels.map(k, k + '=' + self.metadata.labels[k])
            self.metadata.labels.all(k, v, v != '')
            self.spec.containers.map(c, c.name)
            self.spec.containers.filter(c, has(c.image)).size()
            self.spec.containers.exists_one(c, c.name == 'sidecar')
            size(self.spec) + size(self.metadata.labels) + self.spec.ports.size()
            has(self.spec.replicas) && !has(self.spec.minReadySeconds)
            self.spec.replicas * 2 + int(self.spec.ratio * 2.0)
            self.spec.big > 1.0e29
            self.spec.paused == false
            self.spec.containers[1].image
            self.spec.ports[2]
            80 in self.spec.ports
            self.spec.containers.all(i, c, i < 2 && c.name != '')
            sets.equivalent(self.spec.ports, [443, 80])
            self == self && self.spec.containers[0] == self.spec.containers[0]
            string(self.spec.ports[0]) + self.metadata.name
            self.metadata.labels == self.metadata.annotations
            self.?spec.?replicas.orValue(0) + self.?spec.?missing.orValue(1)
            has(self.spec.nothing) && self.spec.nothing == null
            self.spec.nothing
            self.spec.containers[0] != self.spec.containers[1]
            """)
    void nodesReadAsTheirValues(String expression) throws Exception {
        Map<String, Object> fromNode = Map.of("self", CelValues.of(YamlText.parse(NODE_YAML)));
        Map<String, Object> plain = Map.of("self", plainValues());
        KubeCel.Compiled c = KubeCel.get().compile(expression, List.of("self"));
        KubeCel.Program p = assertInstanceOf(KubeCel.Program.class, c, () -> expression + ": " + c);
        assertEquals(KubeCel.evaluate(p, plain), KubeCel.evaluate(p, fromNode), expression);
    }
}
