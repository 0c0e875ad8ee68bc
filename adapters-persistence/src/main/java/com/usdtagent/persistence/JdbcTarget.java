package com.usdtagent.persistence;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the database is: a JDBC URL and, when they are not in the URL's query string, the user and password.
 * {@link #toString()} never shows the password.
 */
public record JdbcTarget(String url, String user, String password) {

    private static final int DEFAULT_PORT = 5432;
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&]password=)[^&]*");

    public JdbcTarget {
        Objects.requireNonNull(url, "url");
    }

    /**
     * Reads a database URL in either the JDBC form {@code jdbc:postgresql://host:port/db?user=..&password=..}
     * or the libpq form {@code postgres://user:pass@host:port/db?params} that hosting platforms hand out.
     */
    public static JdbcTarget parse(String databaseUrl) {
        if (databaseUrl == null || databaseUrl.isBlank()) {
            throw new IllegalArgumentException("The database URL is empty");
        }
        String trimmed = databaseUrl.strip();
        if (trimmed.startsWith("jdbc:postgresql://")) {
            return new JdbcTarget(trimmed, null, null);
        }
        if (trimmed.startsWith("postgres://") || trimmed.startsWith("postgresql://")) {
            return fromLibpqUrl(trimmed);
        }
        // the input is not echoed: it may hold a password
        throw new IllegalArgumentException(
                "The database URL must start with jdbc:postgresql://, postgres:// or postgresql://");
    }

    private static JdbcTarget fromLibpqUrl(String databaseUrl) {
        URI uri;
        try {
            uri = new URI(databaseUrl);
        } catch (URISyntaxException e) {
            // the exception's message quotes the input, so it is dropped
            throw new IllegalArgumentException(
                    "The database URL is not a valid URL (are special characters in the password percent-encoded?)");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("The database URL names no host");
        }
        String database = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
        if (database.isEmpty()) {
            throw new IllegalArgumentException("The database URL names no database");
        }
        int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        String url = "jdbc:postgresql://" + uri.getHost() + ":" + port + "/" + database + query;

        String user = null;
        String password = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }
        return new JdbcTarget(url, user, password);
    }

    private static String decode(String percentEncoded) {
        // URLDecoder reads '+' as a space, which is right for forms but not for the user-info part of a URL
        return URLDecoder.decode(percentEncoded.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        String shownUrl = PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
        return "JdbcTarget[url=" + shownUrl + ", user=" + user + ", password=" + (password == null ? null : "***") + "]";
    }
}
