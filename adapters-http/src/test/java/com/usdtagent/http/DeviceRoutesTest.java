package com.usdtagent.http;

import com.usdtagent.application.push.DevicePlatform;
import com.usdtagent.application.push.RegisterDevice;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class DeviceRoutesTest extends RunningServerTest {

    @Test
    void registersTheCallersTokenWith204() {
        List<RegisterDevice.Command> registered = new CopyOnWriteArrayList<>();
        server.registerDevice = (caller, command) -> {
            assertThat(caller).isEqualTo(TestServer.CALLER);
            registered.add(command);
        };

        var response = server.postAsCaller("/api/devices", "{\"token\":\"fcm:abc-123_x\",\"platform\":\"ios\"}");

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(registered).containsExactly(new RegisterDevice.Command("fcm:abc-123_x", DevicePlatform.IOS));
    }

    @Test
    void refusesAnUnknownPlatformOrAMissingToken() {
        var response = server.postAsCaller("/api/devices", "{\"platform\":\"symbian\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(server.json(response).path("error").path("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(server.json(response).at("/error/details").findValuesAsText("field"))
                .containsExactly("platform", "token");
    }

    @Test
    void needsASignedInCaller() {
        var response = server.post("/api/devices", "{\"token\":\"t\",\"platform\":\"web\"}");

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void forgetsTheTokenInThePathWith204() {
        List<String> forgotten = new CopyOnWriteArrayList<>();
        server.forgetDevice = (caller, token) -> forgotten.add(token);

        var response = server.deleteAsCaller("/api/devices/fcm:abc-123_x");

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(forgotten).containsExactly("fcm:abc-123_x");
    }
}
