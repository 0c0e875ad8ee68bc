package com.usdtagent.loadtest;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Registers accounts on the product over its HTTP API, a few at a time (each is an Argon2id hash), and their devices. */
final class Accounts {

    record Account(String id, String token) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int AT_ONCE = 4;

    private final HttpClient http = HttpClient.newHttpClient();
    private final int httpPort;

    Accounts(int httpPort) {
        this.httpPort = httpPort;
    }

    /** Registers {@code count} accounts of this role, numbered from 0; unique within the run's fresh database. */
    List<Account> register(String role, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE);
        try {
            List<Future<Account>> pending = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int number = i;
                pending.add(pool.submit(() -> registerOne(role, number)));
            }
            List<Account> accounts = new ArrayList<>();
            for (var account : pending) {
                accounts.add(account.get());
            }
            return accounts;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Hands over an FCM token for the account, as its app would, so that messages to it are pushed. */
    void addDevice(Account account) throws IOException, InterruptedException {
        var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/api/devices"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + account.token())
                .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"load-test-%s\",\"platform\":\"android\"}"
                        .formatted(account.id()))).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 204) {
            throw new IOException("device of " + account.id() + ": " + response.statusCode() + " " + response.body());
        }
    }

    private Account registerOne(String role, int number) throws IOException, InterruptedException {
        // agents and users get distinct UK mobile numbers: +44 7911 ...... and +44 7922 ......
        String phone = (role.equals("agent") ? "+447911" : "+447922") + String.format("%06d", number);
        String body = "{\"username\":\"lt_%s_%d\",\"phone\":\"%s\",\"password\":\"load-test-password\",\"role\":\"%s\"}"
                .formatted(role, number, phone, role);
        var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/api/auth/register"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IOException("register " + role + " " + number + ": " + response.statusCode() + " " + response.body());
        }
        var json = JSON.readTree(response.body());
        return new Account(json.path("user").path("id").asText(), json.path("token").asText());
    }
}
