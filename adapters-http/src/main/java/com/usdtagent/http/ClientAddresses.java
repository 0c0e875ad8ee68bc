package com.usdtagent.http;

import io.javalin.http.Context;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Who a request comes from, for the limits per client address: the connection's address, or, when that is one of
 * the trusted proxies, the {@code X-Forwarded-For} entry the proxy added (read from the right, past further trusted
 * proxies). A header the client wrote itself is never believed. An IPv6 client counts as its /64 network, which is
 * what one subscriber usually holds.
 */
final class ClientAddresses {

    private final Set<String> trustedProxies;

    /** @param trustedProxies IP addresses, as literals */
    ClientAddresses(List<String> trustedProxies) {
        this.trustedProxies = Set.copyOf(trustedProxies.stream().map(ClientAddresses::normalized).toList());
    }

    String of(Context ctx) {
        String remote = ctx.req().getRemoteAddr();
        String address = Objects.requireNonNullElse(normalized(remote), remote);
        String forwarded = ctx.header("X-Forwarded-For");
        if (forwarded != null && trustedProxies.contains(address)) {
            String[] hops = forwarded.split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                String hop = normalized(hops[i].strip());
                if (hop == null) {
                    break; // not an address: whatever is further left was written by the client
                }
                address = hop;
                if (!trustedProxies.contains(hop)) {
                    break;
                }
            }
        }
        return address.contains(":") ? network64(address) : address;
    }

    /** The address in one spelling, or null when the text is not an IP literal (never looked up in DNS). */
    private static String normalized(String text) {
        String bracketless = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        String literal = bracketless.split("%")[0]; // a link-local zone says nothing about the client
        boolean ipv4 = literal.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = literal.contains(":") && literal.matches("[0-9A-Fa-f:.]{2,45}");
        if (!ipv4 && !ipv6) {
            return null;
        }
        try {
            // a literal with a colon or in dotted form is parsed, not resolved
            return InetAddress.getByName(literal).getHostAddress();
        } catch (UnknownHostException notAnAddress) {
            return null;
        }
    }

    private static String network64(String ipv6) {
        String[] groups = ipv6.split(":");
        return groups.length < 4 ? ipv6 : String.join(":", groups[0], groups[1], groups[2], groups[3]) + "::/64";
    }
}
