package com.usdtagent.push;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.firebase.FirebaseApp;
import com.google.firebase.FirebaseOptions;
import com.usdtagent.application.push.PushSender;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/** The push adapter, for the bootstrap to wire. */
public final class Push {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private Push() {
    }

    /**
     * A sender on FCM's HTTP v1 API.
     *
     * @param credentialsFile a Firebase service account's JSON key; its {@code token_uri} is where OAuth tokens come from
     * @param endpoint        where FCM requests go instead of https://fcm.googleapis.com, such as a local stand-in
     */
    public static PushSender fcm(Path credentialsFile, Optional<URI> endpoint, Clock clock) {
        GoogleCredentials credentials;
        try (InputStream json = Files.newInputStream(credentialsFile)) {
            credentials = GoogleCredentials.fromStream(json);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the FCM service account " + credentialsFile + ": " + e.getMessage(), e);
        }
        var options = FirebaseOptions.builder()
                .setCredentials(credentials)
                // the JDK's HTTP/1.1 client rather than firebase-admin's HTTP/2 default, with or without an endpoint,
                // so that production sends through the very transport the tests exercise
                .setHttpTransport(endpoint.map(Push::redirectedTo).orElseGet(NetHttpTransport::new))
                .setConnectTimeout((int) CONNECT_TIMEOUT.toMillis())
                .setReadTimeout((int) READ_TIMEOUT.toMillis())
                .build();
        // one app per sender, so that several nodes in one JVM (tests) each have their own
        FirebaseApp app = FirebaseApp.initializeApp(options, "push-" + UUID.randomUUID());
        return new FcmPushSender(app, clock);
    }

    /**
     * firebase-admin's FCM address is fixed; this transport keeps each request's path and query and swaps the
     * scheme, host and port for the endpoint's.
     */
    private static HttpTransport redirectedTo(URI endpoint) {
        String prefix = endpoint.getRawPath() == null ? "" : endpoint.getRawPath().replaceAll("/+$", "");
        return new NetHttpTransport.Builder()
                .setConnectionFactory(url -> (HttpURLConnection) URI.create(endpoint.getScheme() + "://"
                        + endpoint.getRawAuthority() + prefix + url.getFile()).toURL().openConnection())
                .build();
    }
}
