package io.kgate.model;

/** Syntax checks for IP literals, without any name lookup (kgate never touches the network). */
public final class IpAddresses {
    private IpAddresses() {
    }

    public static boolean isIp(String s) {
        return isIpv4(s) || isIpv6(s);
    }

    public static boolean isIpv4(String s) {
        if (s == null) {
            return false;
        }
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(p) > 255 || (p.length() > 1 && p.charAt(0) == '0')) {
                return false;
            }
        }
        return true;
    }

    public static boolean isIpv6(String s) {
        if (s == null || !s.contains(":") || s.length() > 45) {
            return false;
        }
        String body = s;
        int groupsNeeded = 8;
        int lastColon = s.lastIndexOf(':');
        if (s.substring(lastColon + 1).contains(".")) {
            if (!isIpv4(s.substring(lastColon + 1))) {
                return false;
            }
            body = s.substring(0, lastColon + 1) + "0";
            groupsNeeded = 7;
        }
        int dbl = body.indexOf("::");
        if (dbl >= 0 && body.indexOf("::", dbl + 1) >= 0) {
            return false;
        }
        String[] groups = body.replace("::", ":x:").split(":", -1);
        int count = 0;
        boolean compressed = false;
        for (String g : groups) {
            if (g.equals("x")) {
                compressed = true;
                continue;
            }
            if (g.isEmpty()) {
                if (dbl < 0) {
                    return false;
                }
                continue;
            }
            if (g.length() > 4 || !g.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                return false;
            }
            count++;
        }
        return compressed ? count < groupsNeeded : count == groupsNeeded;
    }
}
