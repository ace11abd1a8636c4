package io.kgate.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Endpoint addresses and ExternalName targets: IP literals versus host names, without DNS. */
@Tag("in-process") // calls kgate's classes directly: the native suite has nothing to add
class IpAddressesTest {
    @ParameterizedTest
    @ValueSource(strings = {"192.168.0.50", "0.0.0.0", "255.255.255.255", "::1", "::", "fd00::50",
        "2001:db8:0:0:0:0:0:1", "2001:db8::20", "::ffff:192.168.0.1", "fe80::1:2:3:4"})
    void ips(String s) {
        assertTrue(IpAddresses.isIp(s), s);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nas.lan", "10.0.0.1.nip.io", "256.1.1.1", "1.2.3", "01.2.3.4", "1.2.3.4.",
        "fd00:::1", "1::2::3", "2001:db8:0:0:0:0:0:0:1", "12345::", "g::1", "", "localhost"})
    void notIps(String s) {
        assertFalse(IpAddresses.isIp(s), s);
    }
}
