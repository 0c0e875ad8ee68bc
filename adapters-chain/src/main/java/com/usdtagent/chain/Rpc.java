package com.usdtagent.chain;

import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Sends one JSON-RPC request, turning a transport failure or an error answer into an exception that says which. */
final class Rpc {

    private Rpc() {
    }

    static <T extends Response<?>> T call(Request<?, T> request) {
        T response;
        try {
            response = request.send();
        } catch (IOException e) {
            // the URL may carry a provider's key: the method only
            throw new UncheckedIOException("JSON-RPC " + request.getMethod() + " failed: " + e.getMessage(), e);
        }
        if (response.hasError()) {
            throw new IllegalStateException("JSON-RPC " + request.getMethod() + " refused: " + response.getError().getMessage());
        }
        return response;
    }
}
