package com.krleads.scraper.core.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Which addresses the scraper must never reach unless private addresses are allowed, each with
 * the name of its rule (what a refusal reports, never the address itself). IPv6 forms that carry
 * an IPv4 address (mapped, compatible, NAT64, 6to4) are judged by the IPv4 address they carry;
 * IPv4-translated and Teredo addresses, which reach IPv4 hosts through a translator or a tunnel
 * the guard cannot see through, are refused whatever they carry. Cloud metadata endpoints are
 * refused by name even where no other rule covers them.
 */
public final class AddressRules {
    private AddressRules() {
    }

    /** The rule {@code address} breaks, or null when it is a public unicast address. */
    public static String refusal(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return ipv4(b);
        }
        if (address instanceof Inet6Address) {
            return ipv6(b);
        }
        return "an address of unknown family";
    }

    private static String ipv4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        int third = b[2] & 0xff;
        if (first == 168 && second == 63 && third == 129 && (b[3] & 0xff) == 16) {
            return "cloud metadata (168.63.129.16)";
        }
        if (first == 255 && second == 255 && third == 255 && (b[3] & 0xff) == 255) {
            return "broadcast (255.255.255.255)";
        }
        if (first == 0) {
            return "this-network (0.0.0.0/8)";
        }
        if (first == 10) {
            return "private (10.0.0.0/8)";
        }
        if (first == 100 && second >= 64 && second <= 127) {
            return "shared carrier-grade NAT (100.64.0.0/10)";
        }
        if (first == 127) {
            return "loopback (127.0.0.0/8)";
        }
        if (first == 169 && second == 254) {
            return "link-local (169.254.0.0/16)";
        }
        if (first == 172 && second >= 16 && second <= 31) {
            return "private (172.16.0.0/12)";
        }
        if (first == 192 && second == 0 && third == 0) {
            return "IETF protocol assignments (192.0.0.0/24)";
        }
        if (first == 192 && second == 168) {
            return "private (192.168.0.0/16)";
        }
        if (first == 198 && (second == 18 || second == 19)) {
            return "benchmarking (198.18.0.0/15)";
        }
        if (first >= 224 && first <= 239) {
            return "multicast (224.0.0.0/4)";
        }
        if (first >= 240) {
            return "reserved (240.0.0.0/4)";
        }
        return null;
    }

    private static String ipv6(byte[] b) {
        if (zero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return embedded("IPv4-mapped (::ffff:0:0/96)", b, 12);
        }
        if (zero(b, 0, 12)) {
            int last = b[15] & 0xff;
            if (zero(b, 12, 15) && last <= 1) {
                return last == 0 ? "unspecified (::)" : "loopback (::1)";
            }
            return embedded("IPv4-compatible (::/96)", b, 12);
        }
        if (zero(b, 0, 8) && (b[8] & 0xff) == 0xff && (b[9] & 0xff) == 0xff && zero(b, 10, 12)) {
            return "IPv4-translated (::ffff:0:0:0/96)";
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 0x20 && second == 0x01 && zero(b, 2, 4)) {
            return "Teredo (2001::/32)";
        }
        if (first == 0xfd && second == 0x00 && (b[2] & 0xff) == 0x0e && (b[3] & 0xff) == 0xc2
                && zero(b, 4, 14) && (b[14] & 0xff) == 0x02 && (b[15] & 0xff) == 0x54) {
            return "cloud metadata (fd00:ec2::254)";
        }
        if (first == 0x00 && second == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
            if (zero(b, 4, 12)) {
                return embedded("NAT64 (64:ff9b::/96)", b, 12);
            }
            if ((b[4] & 0xff) == 0 && (b[5] & 0xff) == 1) {
                return "local-use NAT64 (64:ff9b:1::/48)";
            }
        }
        if (first == 0x20 && second == 0x02) {
            return embedded("6to4 (2002::/16)", b, 2);
        }
        if ((first & 0xfe) == 0xfc) {
            return "unique-local (fc00::/7)";
        }
        if (first == 0xfe && (second & 0xc0) == 0x80) {
            return "link-local (fe80::/10)";
        }
        if (first == 0xfe && (second & 0xc0) == 0xc0) {
            return "site-local (fec0::/10)";
        }
        if (first == 0xff) {
            return "multicast (ff00::/8)";
        }
        return null;
    }

    /** A form that carries an IPv4 address is refused when that address is. */
    private static String embedded(String form, byte[] b, int offset) {
        byte[] v4 = {b[offset], b[offset + 1], b[offset + 2], b[offset + 3]};
        try {
            String rule = ipv4(InetAddress.getByAddress(v4).getAddress());
            return rule == null ? null : form + " carrying a " + rule + " address";
        } catch (UnknownHostException impossible) {
            return form;
        }
    }

    private static boolean zero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
