package com.usdtagent.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.router.Endpoint;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiDocumentTest extends RunningServerTest {

    @Test
    void documentsExactlyTheRoutesTheServerHas() throws IOException {
        Set<String> registered = server.api.javalin().unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .map(OpenApiDocumentTest::route)
                .collect(Collectors.toSet());

        assertThat(documentedRoutes(resource()))
                .as("the routes in openapi.json against the routes Javalin has registered")
                .isEqualTo(registered);
    }

    @Test
    void isServedAsOpenApi31VersionOne() throws IOException {
        HttpResponse<String> response = served("/openapi.json", "application/json");
        JsonNode served = server.json(response);
        assertThat(served).isEqualTo(resource());
        assertThat(served.get("openapi").asText()).isEqualTo("3.1.0");
        assertThat(served.at("/info/version").asText()).isEqualTo("1");
        assertThat(served.at("/components/securitySchemes/bearerAuth/scheme").asText()).isEqualTo("bearer");
    }

    @Test
    void servesTheSocketProtocolsAsyncApiDocument() throws IOException {
        HttpResponse<String> response = served("/asyncapi.yaml", "application/yaml");
        assertThat(response.body()).isEqualTo(Files.readString(Path.of("../docs/asyncapi.yaml")))
                .startsWith("asyncapi: 3.0.0").contains("send-message", "chat-room-list", "ConnectError");
    }

    /** The document at {@code path}, answered 200 with {@code mediaType}. */
    private HttpResponse<String> served(String path, String mediaType) {
        HttpResponse<String> response = server.get(path);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(mediaType));
        return response;
    }

    /** {@code GET /api/orders/{id}}; Javalin's {@code <id>} (a parameter that may span slashes) is written {@code {id}}. */
    private static String route(Endpoint endpoint) {
        return endpoint.method.name() + " " + endpoint.path.replaceAll("<([^>]+)>", "{$1}");
    }

    private static Set<String> documentedRoutes(JsonNode document) {
        Set<String> routes = new HashSet<>();
        document.get("paths").properties().forEach(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (!method.equals("parameters")) {
                routes.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        return routes;
    }

    private static JsonNode resource() throws IOException {
        try (InputStream document = OpenApiDocumentTest.class.getResourceAsStream(OperationsRoutes.OPENAPI_RESOURCE)) {
            return new ObjectMapper().readTree(document);
        }
    }
}
