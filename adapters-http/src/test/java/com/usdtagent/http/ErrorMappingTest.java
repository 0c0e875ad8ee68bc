package com.usdtagent.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorMappingTest extends RunningServerTest {

    /** The statuses of the HTTP contract (openapi.json), written out again so that the mapping is checked, not restated. */
    private static final Map<ErrorCode, Integer> CONTRACT_STATUS = Map.ofEntries(
            Map.entry(ErrorCode.VALIDATION_FAILED, 400),
            Map.entry(ErrorCode.UNAUTHORIZED, 401),
            Map.entry(ErrorCode.FORBIDDEN, 403),
            Map.entry(ErrorCode.NOT_FOUND, 404),
            Map.entry(ErrorCode.INVALID_STATE, 409),
            Map.entry(ErrorCode.CONFLICT, 409),
            Map.entry(ErrorCode.INSUFFICIENT_FUNDS, 409),
            Map.entry(ErrorCode.BUSY, 409),
            Map.entry(ErrorCode.PAYLOAD_TOO_LARGE, 413),
            Map.entry(ErrorCode.RATE_LIMITED, 429),
            Map.entry(ErrorCode.INTERNAL, 500));

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void aRefusalOfAUseCaseGetsTheStatusOfItsCode(ErrorCode code) {
        server.showMyAccount = caller -> {
            throw new BusinessException(code, "refused with " + code);
        };

        HttpResponse<String> response = server.getAsCaller("/api/me");

        assertThat(response.statusCode()).isEqualTo(CONTRACT_STATUS.get(code));
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode error = server.json(response).get("error");
        assertThat(error.get("code").asText()).isEqualTo(code.name());
        assertThat(error.get("message").asText()).isEqualTo("refused with " + code);
        assertThat(error.get("details").isArray()).isTrue();
        assertThat(error.get("details")).isEmpty();
    }

    @Test
    void theFieldsARefusalNamesAreItsDetails() {
        server.registerAccount = command -> {
            throw BusinessException.invalidField("phone", "must be a valid phone number in E.164 form");
        };

        HttpResponse<String> response = server.post("/api/auth/register",
                "{\"username\":\"alice\",\"phone\":\"12\",\"password\":\"long enough\",\"role\":\"user\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode details = server.json(response).at("/error/details");
        assertThat(details).hasSize(1);
        assertThat(details.get(0).get("field").asText()).isEqualTo("phone");
        assertThat(details.get(0).get("message").asText()).isEqualTo("must be a valid phone number in E.164 form");
    }

    @Test
    void anUnexpectedFailureIsA500WithoutItsStory() {
        server.showMyAccount = caller -> {
            throw new IllegalStateException("connection to db:5432 refused for password hunter2");
        };

        HttpResponse<String> response = server.getAsCaller("/api/me");

        assertThat(response.statusCode()).isEqualTo(500);
        JsonNode error = server.json(response).get("error");
        assertThat(error.get("code").asText()).isEqualTo("INTERNAL");
        assertThat(error.get("message").asText()).isEqualTo("Internal server error");
        assertThat(error.get("details")).isEmpty();
        assertThat(response.body()).doesNotContain("hunter2", "Exception", "at com.", "at io.", ".java");
    }

    @Test
    void aProtectedRouteWithoutATokenIs401() {
        HttpResponse<String> response = server.get("/api/me");

        assertUnauthorized(response);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer not-a-token", "Bearer ", "Basic dXNlcjpwYXNz", "valid-token"})
    void aProtectedRouteWithABadAuthorizationIs401(String authorization) {
        HttpResponse<String> response = server.send(server.request("/api/me").header("Authorization", authorization));

        assertUnauthorized(response);
    }

    @Test
    void aBodyOver64KiBIs413() {
        String body = "{\"login\":\"" + "a".repeat(70 * 1024) + "\",\"password\":\"secret\"}";

        HttpResponse<String> response = server.post("/api/auth/login", body);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(server.json(response).at("/error/code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"login\":\"alice\",", "{login: alice}", "{\"login\":\"alice\"} trailing", "",
            "[\"alice\", \"secret\"]", "\"alice\"", "42", "null"})
    void aBodyThatIsNoJsonObjectIs400(String body) {
        HttpResponse<String> response = server.post("/api/auth/login", body);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = server.json(response).get("error");
        assertThat(error.get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(error.get("details")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"login\": 5, \"password\": \"secret\"}            | login",
            "{\"login\": \"alice\", \"password\": true}          | password",
            "{\"login\": [\"alice\"], \"password\": \"secret\"}  | login",
            "{\"login\": {\"name\": \"a\"}, \"password\": \"s\"} | login",
            "{\"login\": \"alice\", \"password\": 1.5}           | password"})
    void aFieldOfTheWrongJsonTypeIs400NamingIt(String body, String field) {
        HttpResponse<String> response = server.post("/api/auth/login", body);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = server.json(response).get("error");
        assertThat(error.get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(error.get("details")).hasSize(1);
        assertThat(error.at("/details/0/field").asText()).isEqualTo(field);
    }

    @Test
    void validationListsEveryFailingField() {
        // registration names its four fields from the use case: AccountsTest, against the real one
        HttpResponse<String> response = server.postAsCaller("/api/devices",
                "{\"platform\":\"fax\",\"extra\":\"tab\\u0001\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = server.json(response).get("error");
        assertThat(error.get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(error.get("details")).extracting(detail -> detail.get("field").asText())
                .containsExactly("extra", "platform", "token");
        assertThat(error.get("details")).allSatisfy(detail -> assertThat(detail.get("message").asText()).isNotBlank());
    }

    @Test
    void missingFieldsAreFailingFields() {
        HttpResponse<String> response = server.post("/api/auth/login", "{}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(server.json(response).at("/error/details")).extracting(detail -> detail.get("field").asText())
                .containsExactly("login", "password");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/nowhere", "/api/nowhere", "/api/me/more"})
    void anUnknownRouteIs404(String path) {
        HttpResponse<String> response = server.get(path);

        assertNotFound(response);
    }

    @Test
    void aKnownPathWithTheWrongMethodIs404() {
        assertNotFound(server.post("/health", "{}"));
        assertNotFound(server.send(server.request("/api/me").DELETE()));
        assertNotFound(server.send(server.request("/api/auth/login").PUT(HttpRequest.BodyPublishers.ofString("{}"))));
    }

    private static void assertUnauthorized(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(server.json(response).at("/error/code").asText()).isEqualTo("UNAUTHORIZED");
    }

    private static void assertNotFound(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(server.json(response).at("/error/code").asText()).isEqualTo("NOT_FOUND");
    }
}
